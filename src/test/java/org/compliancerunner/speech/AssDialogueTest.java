package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssDialogueTest {

    @Test
    void keepsOnlyTheTextFieldWithItsOwnCommas() {
        assertThat(AssDialogue.spokenText("3,0,Default,Narrator,0,0,0,,Yes, guaranteed, really."))
                .isEqualTo("Yes, guaranteed, really.");
    }

    @Test
    void dropsOverrideTagsAndTurnsBreaksIntoSpaces() {
        assertThat(AssDialogue.spokenText("0,0,Default,,0,0,0,,{\\an8}{\\i1}Capital{\\i0}\\Nat\\hrisk\\nnow"))
                .isEqualTo("Capital at risk now");
    }

    @Test
    void anEventWithoutATextFieldSaysNothing() {
        assertThat(AssDialogue.spokenText("0,0,Default")).isEmpty();
    }
}

package org.compliancerunner.media;

import java.util.List;

/** The decoded sound track as it is in the file: its own sample rate, channel count and channel roles. */
public record AudioFormat(int sampleRate, int channels, List<ChannelRole> roles) {

    public AudioFormat {
        roles = List.copyOf(roles);
        if (roles.size() != channels) {
            throw new IllegalArgumentException(channels + " channels but " + roles.size() + " roles");
        }
    }
}

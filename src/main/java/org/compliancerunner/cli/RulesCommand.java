package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.compliancerunner.language.Languages;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePackParser;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules}: work with rule pack files. */
@Component
@Command(name = "rules", description = "Work with rule pack files: validate one, or test one on a transcript file.", mixinStandardHelpOptions = true,
        subcommands = {RulesCommand.Validate.class, RulesTestCommand.class})
public class RulesCommand implements Runnable {

    @Mixin
    CommandStreams streams;

    @Override
    public void run() {
        streams.usage(streams.out());
    }

    /** {@code rules validate FILE [--json]}: exit 0 when the pack is usable, 2 with every problem when not. */
    @Component
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a rule pack file and print its name, version, rule count and checksum, "
                    + "or every problem with its line and field.",
                    "Patterns of regex rules are RE2 syntax and run in linear time: backreferences, lookaround, "
                            + "possessive quantifiers and atomic groups are refused.",
                    "Languages (pack or rule language:): auto, " + Languages.CODES
                            + "; ru and en compare lemmas from a dictionary as well as stems.",
                    "Exit 0 when the pack is usable, 2 when it is not (or on a usage error)."})
    public static class Validate implements Callable<Integer> {

        private final RulePackParser rulePacks;

        @Mixin
        CommandStreams streams;

        @Parameters(index = "0", paramLabel = "FILE", description = "The rule pack YAML file.")
        Path file;

        @Mixin
        JsonOption json;

        public Validate(RulePackParser rulePacks) {
            this.rulePacks = rulePacks;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            PrintWriter err = streams.err();
            try {
                RulePack pack = rulePacks.parse(file);
                if (json.requested()) {
                    out.println(toJson(pack, List.of()));
                } else {
                    out.printf("OK %s: pack %s version %d, %d rules, sha256 %s%n", file, pack.name(), pack.version(),
                            pack.rules().size(), pack.checksum());
                }
                out.flush();
                return ExitCodes.OK;
            } catch (RulePackException e) {
                if (json.requested()) {
                    out.println(toJson(null, e.details()));
                    out.flush();
                } else {
                    for (RulePackException.Problem problem : e.details()) {
                        err.println(compilerStyle(problem));
                    }
                    err.flush();
                }
                return ExitCodes.USAGE;
            }
        }

        /** {@code file:line: field: message}, the form editors and CI annotate. */
        private String compilerStyle(RulePackException.Problem problem) {
            String line = problem.line() > 0 ? ":" + problem.line() : "";
            String field = problem.field().isEmpty() ? "" : " " + problem.field() + ":";
            return file + line + ":" + field + " " + problem.message();
        }

        private String toJson(RulePack pack, List<RulePackException.Problem> problems) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("valid", pack != null);
            result.put("pack", pack == null ? null : pack.name());
            result.put("version", pack == null ? null : pack.version());
            result.put("rules", pack == null ? null : pack.rules().size());
            result.put("checksum", pack == null ? null : pack.checksum());
            result.put("problems", problems.stream().map(p -> {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("line", p.line() > 0 ? p.line() : null);
                problem.put("field", p.field());
                problem.put("message", p.message());
                return problem;
            }).toList());
            return JsonMapper.builder().build().writeValueAsString(result);
        }
    }
}

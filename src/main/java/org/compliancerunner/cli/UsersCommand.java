package org.compliancerunner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.compliancerunner.account.Accounts;
import org.compliancerunner.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users}: accounts of the REST API's built-in issuer. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the users who may call the REST API (serve).",
        subcommands = {UsersCommand.Add.class, UsersCommand.Disable.class, UsersCommand.Enable.class,
                UsersCommand.Remove.class})
class UsersCommand extends CommandGroup {


    /** {@code users add NAME --role R}, the password read from standard input so it stays out of shell history. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a user, or sets a new password and role for an existing one.",
                    "The password (at least 12 characters) is read from the first line of standard input."})
    static class Add implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Parameters(paramLabel = "NAME", description = "User name; it is also the owner of the projects the user creates.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "ADMIN (everything), OPERATOR (review queue, own projects) or UPLOADER (register and read own videos).")
        Role role;

        private final Accounts accounts;

        Add(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() throws IOException {
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                streams.err().println("error: no password on standard input; "
                        + "pipe it in, e.g.: printf '%s\\n' \"$PASSWORD\" | compliance-runner users add " + name + " --role " + role);
                return ExitCodes.USAGE;
            }
            try {
                boolean created = accounts.save(name, role, password);
                streams.out().println((created ? "Created" : "Updated") + " user " + name + " (" + role + ")");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                streams.err().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }

    /** {@code users disable NAME}: no more logins, and the user's tokens are refused (by every replica within seconds). */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stops a user from logging in; tokens issued before are refused from now on.")
    static class Disable extends Change {

        Disable(Accounts accounts) {
            super(accounts);
        }

        @Override
        boolean change(Accounts accounts, String name) {
            return accounts.setEnabled(name, false);
        }
    }

    /** {@code users enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled user log in again.")
    static class Enable extends Change {

        Enable(Accounts accounts) {
            super(accounts);
        }

        @Override
        boolean change(Accounts accounts, String name) {
            return accounts.setEnabled(name, true);
        }
    }

    /** {@code users remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a user and their logins; their projects and videos stay.")
    static class Remove extends Change {

        Remove(Accounts accounts) {
            super(accounts);
        }

        @Override
        boolean change(Accounts accounts, String name) {
            return accounts.remove(name);
        }
    }

    /** One change to one named user; exit 1 when there is no such user. */
    abstract static class Change implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Parameters(paramLabel = "NAME", description = "User name.")
        String name;

        private final Accounts accounts;

        Change(Accounts accounts) {
            this.accounts = accounts;
        }

        abstract boolean change(Accounts accounts, String name);

        @Override
        public Integer call() {
            if (!change(accounts, name)) {
                streams.err().println("error: no user " + name);
                return ExitCodes.FAILED;
            }
            streams.out().println(streams.name() + "d user " + name);
            return ExitCodes.OK;
        }
    }
}

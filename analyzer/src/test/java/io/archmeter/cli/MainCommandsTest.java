package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the command line builds only the command a run names")
class MainCommandsTest {

    static Stream<String> commands() {
        return Main.COMMANDS.stream().filter(c -> !c.equals("help"));
    }

    @Test
    @DisplayName("the command table lists each command class under its annotated name, in the help's order")
    void theTableNamesEachCommandAsItsAnnotationDoes() {
        for (String name : Main.COMMANDS) {
            Command c = Main.newCommand(name).getClass().getAnnotation(Command.class);
            assertEquals(name, c.name());
        }
        assertEquals(List.of("summary", "filter", "generate", "zoo", "serve", "stats", "report", "help"),
                List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aRunNamingACommandBuildsThatCommandAloneWithTheSameHelp(String name) {
        CommandLine only = Main.commandLine(name, "--quiet");
        assertEquals(List.of(name), List.copyOf(only.getSubcommands().keySet()));
        CommandLine sub = only.getSubcommands().get(name);
        CommandLine full = Main.commandLine().getSubcommands().get(name);
        assertEquals(full.getUsageMessage(), sub.getUsageMessage());
        assertEquals(Main.USAGE_WIDTH, sub.getUsageHelpWidth());
    }

    @ParameterizedTest(name = "first argument ''{0}''")
    @ValueSource(strings = {"help", "--help", "--version", "filtr", "-o"})
    void anyOtherFirstArgumentBuildsEveryCommand(String first) {
        assertEquals(Main.COMMANDS, List.copyOf(Main.commandLine(first, "filter").getSubcommands().keySet()));
        assertEquals(Main.COMMANDS, List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    @Test
    void aMisspeltCommandIsStillAnsweredWithTheRightName() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "filtr", "x.csv");
        assertEquals(ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("Did you mean: archmeter filter?"), err.toString());
    }

    @Test
    void aBadOptionOfTheNamedCommandIsTheUsageErrorItWasWithEveryCommandBuilt() {
        StringWriter lazyErr = new StringWriter();
        int lazy = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(lazyErr, true), "filter", "in.csv", "--maks", "macs=1");
        StringWriter fullErr = new StringWriter();
        CommandLine full = Main.commandLine();
        full.setOut(new PrintWriter(new StringWriter()));
        full.setErr(new PrintWriter(fullErr, true));
        int all = full.execute("filter", "in.csv", "--maks", "macs=1");
        assertEquals(ExitCode.USAGE, lazy);
        assertEquals(all, lazy);
        assertEquals(fullErr.toString(), lazyErr.toString());
        assertTrue(lazyErr.toString().contains("--maks"), lazyErr.toString());
    }
}

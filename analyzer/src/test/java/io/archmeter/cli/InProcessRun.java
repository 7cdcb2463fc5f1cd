package io.archmeter.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Exit code, stdout and stderr of one in-process run of the command line (for commands that print through picocli). */
record InProcessRun(int exit, String out, String err) {

    static InProcessRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new InProcessRun(exit, out.toString(), err.toString());
    }
}

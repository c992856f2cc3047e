package org.boundarylab.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; it only dispatches to its subcommands. */
@Command(name = "boundary-lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train and inspect the small neural networks of Boundary Lab without the window.",
        subcommands = {
            InitCommand.class,
            DatasetsCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ExplainCommand.class,
            SweepCommand.class,
            LessonsCommand.class,
            BenchCommand.class,
            HelpCommand.class
        })
public final class BoundaryLabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        names.remove("help");
        throw new ParameterException(spec.commandLine(), "no command given; use one of " + String.join(", ", names));
    }
}

import ArgumentParser

/// The exit codes every `antrean` command uses, after BSD's sysexits(3), so that a script or a
/// scheduler (Slurm, Kubernetes) can tell a mistake in the command line from a bad file or a bug.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 64 | usage: an unknown command or option, a value out of range |
/// | 65 | bad input data: a scenario, request trace, configuration or stored row that breaks a rule |
/// | 66 | an input file that does not exist or cannot be read |
/// | 70 | an internal error (a bug: please report it) |
/// | 73 | an output file that cannot be created |
/// | 74 | an input/output error while reading or writing (disk full, I/O error) |
/// | 75 | temporary failure: try again later (e.g. the store is held by another process) |
enum ExitStatus {
    static let usage = ExitCode(64)
    static let badInput = ExitCode(65)
    static let missingInput = ExitCode(66)
    static let internalError = ExitCode(70)
    static let cannotCreateOutput = ExitCode(73)
    static let ioError = ExitCode(74)
    static let temporaryFailure = ExitCode(75)
}

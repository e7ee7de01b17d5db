"""The exit codes of every command (README "Exit codes")."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_OUTPUT, EXIT_PIPE = 3, 141
EXIT_UNFINISHED = 4  # parser.batch.pool.PoolError: workers could not be started or kept dying
EXIT_PARTITION = EXIT_UNFINISHED  # scoreline dump: a partition was refused, the others written

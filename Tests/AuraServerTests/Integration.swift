import TestSupport
import Testing

/// Integration tests: a real server on an ephemeral loopback port, real clients and raw sockets.
///
/// They run one at a time: the machine has two cores, some tests measure the process's memory
/// (the server runs in-process), and each test bounds its own duration with `withTimeout`.
@Suite(.serialized, .timeLimit(.minutes(1)))
enum Integration {}

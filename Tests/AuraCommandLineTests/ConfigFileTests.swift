import Testing
@testable import AuraCommandLine

@Suite struct ConfigFileTests {
    let names: Set<String> = ["addr", "cache-mb", "access-log", "dlq-keep-text"]

    func parse(_ text: String) throws(UsageError) -> ConfigFile {
        try ConfigFile(path: "/etc/aura.conf", bytes: Array(text.utf8), names: names)
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func settingsCommentsQuotesAndLineNumbers() throws {
        let file = try parse("""
            # the server
            addr = 127.0.0.1:9000

            \tcache-mb=32   # MiB
            access-log = "/var/log/aura #1.log"
            dlq-keep-text = true\r
            """)
        #expect(file.entries == [
            .init(name: "addr", value: "127.0.0.1:9000", line: 2), .init(name: "cache-mb", value: "32", line: 4),
            .init(name: "access-log", value: "/var/log/aura #1.log", line: 5), .init(name: "dlq-keep-text", value: "true", line: 6),
        ])
    }

    @Test func mistakesNameTheFileAndLine() {
        #expect(error("addr = x\nport = 1") == #"/etc/aura.conf line 2: unknown option "port""#)
        #expect(error("addr = x\n\naddr = y") == "/etc/aura.conf line 3: addr is already set on line 1")
        #expect(error("cache-mb") == #"/etc/aura.conf line 1: expected name = value, got "cache-mb""#)
        #expect(error("[server]\naddr = x") == "/etc/aura.conf line 1: sections are not supported; write name = value lines")
        #expect(error("cache-mb =   ") == "/etc/aura.conf line 1: cache-mb has no value (remove the line to keep the default)")
        #expect(error("access-log = a#b") == "/etc/aura.conf line 1: the value of access-log holds #: put it in double quotes")
        #expect(error("access-log = \"a") == "/etc/aura.conf line 1: the value of access-log opens a quote it does not close")
        #expect(error("access-log = \"a\" b") == "/etc/aura.conf line 1: unexpected text after the quoted value of access-log")
    }

    @Test func binaryOrHugeFilesAreNotConfigurations() {
        #expect(throws: UsageError.self) { try ConfigFile(path: "f", bytes: [0x61, 0x3d, 0x00], names: names) }
        #expect(throws: UsageError.self) { try ConfigFile(path: "f", bytes: [0xff, 0xfe, 0x41], names: names) }
        #expect(throws: UsageError.self) { try ConfigFile(path: "f", bytes: [UInt8](repeating: 0x23, count: ConfigFile.maxSize + 1), names: names) }
    }
}

@Suite struct LayeredOptionsTests {
    let values: Set<String> = ["addr", "cache-mb", "job-workers"]
    let flags: Set<String> = ["dlq-keep-text", "conformance"]

    func layered(_ commandLine: [String], file text: String, environment: [String: String]) throws(UsageError) -> ParsedArguments {
        let file = try ConfigFile(path: "aura.conf", bytes: Array(text.utf8), names: values.union(flags))
        return try ParsedArguments(commandLine, valueOptions: values, flagOptions: flags)
            .layered(over: file, environment: environment, prefix: "AURA_SERVER_", defaults: ["addr": "127.0.0.1:7443", "cache-mb": "64"],
                     valueOptions: values, flagOptions: flags)
    }

    @Test func theCommandLineBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults() throws {
        let arguments = try layered(
            ["--cache-mb", "8"], file: "cache-mb = 16\njob-workers = 3\ndlq-keep-text = true\nconformance = true",
            environment: ["AURA_SERVER_CACHE_MB": "32", "AURA_SERVER_JOB_WORKERS": "5", "AURA_SERVER_CONFORMANCE": "false", "AURA_ADDR": "x:1"])
        #expect(arguments.options == ["addr": "127.0.0.1:7443", "cache-mb": "8", "job-workers": "5"])
        #expect(arguments.flags == ["dlq-keep-text"])
        #expect(arguments.origins["addr"] == .defaultValue)
        #expect(arguments.origins["cache-mb"] == .commandLine)
        #expect(arguments.origins["job-workers"] == .environment("AURA_SERVER_JOB_WORKERS"))
        #expect(arguments.origins["dlq-keep-text"] == .file(path: "aura.conf", line: 3))
        #expect(arguments.source(of: "cache-mb") == "")
    }

    @Test func aBadValueSaysWhereItCameFrom() throws {
        let arguments = try layered([], file: "cache-mb = lots", environment: [:])
        #expect(throws: UsageError(#"--cache-mb must be a whole number in 0...10, got "lots" (from aura.conf line 1)"#)) {
            try arguments.integer("cache-mb", default: 1, range: 0...10)
        }
        #expect(throws: UsageError(#"--conformance is a flag: true or false, got "maybe" (from AURA_SERVER_CONFORMANCE)"#)) {
            try layered([], file: "", environment: ["AURA_SERVER_CONFORMANCE": "maybe"])
        }
    }
}

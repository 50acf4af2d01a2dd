extension PluginFixtures {
    /// An analyzer `name@version` answering `label` that misbehaves on trigger texts, for process
    /// isolation: "crash" segfaults, "exit" calls exit(3), "hang" never returns, "leak" keeps
    /// 32 MiB per call (and aborts when an allocation is refused).
    public func misbehavingAnalyzer(name: String = "fixture", version: String, label: Int = 0) throws -> String {
        try build("misbehaving-\(name)-\(version)", defines: [
            "FIXTURE_NAME": "\"\(name)\"", "FIXTURE_VERSION": "\"\(version)\"", "FIXTURE_LABEL": "\(label)",
            "FIXTURE_CRASH": "1", "FIXTURE_EXIT": "1", "FIXTURE_HANG": "1", "FIXTURE_LEAK": "1",
        ])
    }
}

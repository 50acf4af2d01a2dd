// aura-protoc: writes the Swift messages of Protocol/aura.proto (Sources/AuraMessages).
// Run from the package root: `swift run aura-protoc`; `--check` only reports a difference.
import AuraCodegen
import AuraCommandLine
import AuraPosix
import AuraSchema
import Glibc

let usage = """
    usage: aura-protoc [--root DIR] [--check]
      Generates the Swift messages of the package's schemas:
    \(GeneratorOptions.all.map { "    \($0.schemaPath) -> \($0.outputPath)" }.joined(separator: "\n"))
      --root DIR   the package root (default: the current directory)
      --check      write nothing; exit 1 when a checked-in file differs from a fresh generation
    """

/// Generates one file; returns whether the checked-in file was already current.
func generate(_ options: GeneratorOptions, root: String, check: Bool) throws -> Bool {
    guard let schemaBytes = try Files.read(root + "/" + options.schemaPath) else {
        throw UsageError("\(root)/\(options.schemaPath) does not exist: run from the package root or pass --root")
    }
    let schema = try ProtoSchema(parsing: String(decoding: schemaBytes, as: UTF8.self), fileName: options.schemaPath)
    let generated = try MessageGenerator(schema: schema, options: options).render()
    let outputPath = root + "/" + options.outputPath
    let current = try Files.read(outputPath, limit: 16 << 20).map { String(decoding: $0, as: UTF8.self) }
    if current == generated {
        print("\(options.outputPath) is up to date")
        return true
    }
    if check {
        print("\(options.outputPath) is out of date: run `swift run aura-protoc`")
    } else {
        try Files.write(Array(generated.utf8), to: outputPath, mode: 0o644)
        print("wrote \(options.outputPath)")
    }
    return false
}

do {
    let arguments = try ParsedArguments(Array(CommandLine.arguments.dropFirst()), valueOptions: ["root"], flagOptions: ["check", "help"])
    if arguments.flags.contains("help") {
        print(usage)
        exit(0)
    }
    let check = arguments.flags.contains("check")
    var allCurrent = true
    for options in GeneratorOptions.all {
        allCurrent = try generate(options, root: arguments.options["root"] ?? ".", check: check) && allCurrent
    }
    exit(check && !allCurrent ? 1 : 0)
} catch {
    StandardStream.error("aura-protoc: \(error)")
    exit(2)
}

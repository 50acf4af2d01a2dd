import AuraPluginHost
import AuraWire
import Foundation
import TestSupport
import Testing

/// What the loader refuses before `dlopen` (damaged ELF files) and at load (NULL functions, bad
/// versions), and the older descriptors it accepts.
@Suite struct LoaderChecksTests {
    let fixtures: PluginFixtures
    let loader: PluginLoader

    init() throws {
        fixtures = try PluginFixtures()
        loader = PluginLoader(runDirectory: fixtures.directory + "/run")
    }

    @Test func aFixtureCutAtAnyOffsetIsRefusedBeforeLoading() throws {
        let whole = try fixtures.analyzer(version: "1.0.0")
        let size = try Data(contentsOf: URL(fileURLWithPath: whole)).count
        let cuts = [0, 3, 4, 17, 63, 64, 120, 500, size / 4, size / 2, size * 3 / 4, size - 64, size - 1]
        for cut in cuts {
            let error = loader.refusal(try fixtures.truncated(whole, to: cut, name: "cut-\(cut).so"))
            #expect(error?.code == .invalidArgument, "cut at \(cut) of \(size)")
            #expect(error?.message.contains("refused before loading") == true, "cut at \(cut): \(error?.message ?? "loaded")")
        }
        #expect(try loader.load(path: whole).info.id == "fixture@1.0.0")
    }

    /// Every ELF64 header field the check reads, damaged one at a time.
    @Test(arguments: [
        (4, [1], "wrong ELF class"),  // ELFCLASS32
        (5, [2], "big-endian"),
        (16, [2, 0], "an executable"),  // ET_EXEC
        (18, [40, 0], "another machine"),  // EM_ARM
        (32, PluginFixtures.littleEndian(UInt64(1) << 40), "program header table"),  // e_phoff far past the end
        (40, PluginFixtures.littleEndian(UInt64(1) << 40), "section header table"),  // e_shoff far past the end
        (56, [0xFE, 0xFF], "program header table"),  // e_phnum huge
        (60, [0xFE, 0xFF], "section header table"),  // e_shnum huge
        (54, [32, 0], "program header size"),
    ] as [(Int, [UInt8], String)])
    func aDamagedHeaderIsRefusedWithTheReason(offset: Int, patch: [UInt8], reason: String) throws {
        let path = try fixtures.patched(try fixtures.analyzer(version: "1.0.0"), at: offset, with: patch, name: "damaged-\(offset).so")
        let error = loader.refusal(path)
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "loaded")")
    }

    @Test func aLoadableSegmentPastTheEndOfTheFileIsRefused() throws {
        let path = try fixtures.analyzer(version: "1.0.0")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let read = { (offset: Int) in bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        let programHeaders = Int(read(32))
        let count = Int(bytes[56]) | Int(bytes[57]) << 8
        let load = try #require((0..<count).first { bytes[programHeaders + $0 * 56] == 1 })  // the first PT_LOAD
        let fileSize = programHeaders + load * 56 + 32
        let damaged = try fixtures.patched(path, at: fileSize, with: PluginFixtures.littleEndian(UInt64(bytes.count) * 2), name: "long-segment.so")
        let error = loader.refusal(damaged)
        #expect(error?.message.contains("segment \(load)") == true, "\(error?.message ?? "loaded")")
    }

    @Test func aNullCreateOrDestroyIsRefusedAtLoad() throws {
        let create = loader.refusal(try fixtures.build("null-create", defines: ["FIXTURE_NULL_CREATE": "1"]))
        #expect(create?.code == .invalidArgument)
        #expect(create?.message.contains("create function is NULL") == true)
        let destroy = loader.refusal(try fixtures.build("null-destroy", defines: ["FIXTURE_NULL_DESTROY": "1"]))
        #expect(destroy?.code == .invalidArgument)
        #expect(destroy?.message.contains("destroy function is NULL") == true)
    }

    /// An analyzer built with an older, smaller descriptor loads and runs; the fields past its
    /// struct_size (junk pointers here) are never read.
    @Test func aSmallerDescriptorIsReadAsFarAsItsStructSizePromises() throws {
        let plugin = try loader.load(path: try fixtures.build("small", defines: ["FIXTURE_SMALL_DESCRIPTOR": "1"]))
        #expect(plugin.info.id == "fixture@1.0.0")
        #expect(try plugin.analyze("fine").sentiment == .positive)
        let notARedactor = #expect(throws: RPCError.self) { _ = try plugin.detect("secret") }
        #expect(notARedactor?.code == .failedPrecondition)
    }

    @Test func aRedactorWhoseDescriptorStopsBeforeItsFunctionsIsRefused() throws {
        let error = loader.refusal(try fixtures.build("small-redactor", defines: ["FIXTURE_SMALL_DESCRIPTOR": "1", "FIXTURE_KIND": "2"]))
        #expect(error?.message.contains("without a detect function") == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: ["1.0", "1", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0 beta", "latest"])
    func aVersionThatIsNotSemanticIsRefused(version: String) throws {
        let error = loader.refusal(try fixtures.analyzer(version: version))
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("not a semantic version") == true, "\(error?.message ?? "loaded")")
    }

    @Test func theLoadedFileIsHashed() throws {
        let path = try fixtures.analyzer(version: "1.0.0")
        let plugin = try loader.load(path: path)
        #expect(plugin.info.sha256.count == 64)
        #expect(plugin.info.sha256 == (try loader.read(path)).sha256)
    }
}

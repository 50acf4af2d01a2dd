import AuraSchema
import Testing

@Suite("Parsing aura.proto")
struct AuraProtoParsingTests {
    let schema = ProtoSchema.aura

    @Test("package, services and methods")
    func servicesAndMethods() throws {
        #expect(schema.package == "aura")
        #expect(Set(schema.services.keys) == [
            "aura.Health", "aura.TestService", "aura.Sentiment", "aura.Privacy", "aura.Language", "aura.Plugins",
            "aura.DeadLetters", "aura.Jobs", "aura.Admin", "aura.Keys",
        ])
        #expect(schema.services["aura.TestService"]?.methods.map(\.name)
            == ["EmptyCall", "UnaryCall", "StreamingInputCall", "StreamingOutputCall", "FullDuplexCall", "Sleep"])
        #expect(schema.methods.map(\.path) == [
            "/aura.Admin/Backup", "/aura.Admin/Stats", "/aura.DeadLetters/List", "/aura.Health/Check",
            "/aura.Jobs/Cancel", "/aura.Jobs/Get", "/aura.Jobs/GetUpload", "/aura.Jobs/List", "/aura.Jobs/Results",
            "/aura.Jobs/Stats", "/aura.Jobs/Submit", "/aura.Jobs/Watch",
            "/aura.Keys/Create", "/aura.Keys/List", "/aura.Keys/Revoke", "/aura.Keys/SetLimit",
            "/aura.Language/Detect",
            "/aura.Plugins/Activate", "/aura.Plugins/List", "/aura.Plugins/Load", "/aura.Plugins/Pin",
            "/aura.Plugins/Rollback", "/aura.Plugins/Unload", "/aura.Plugins/Unpin",
            "/aura.Privacy/DetectPii", "/aura.Privacy/Redact",
            "/aura.Sentiment/Analyze", "/aura.Sentiment/AnalyzeBatch", "/aura.Sentiment/AnalyzeStream", "/aura.Sentiment/Stats",
            "/aura.TestService/EmptyCall", "/aura.TestService/FullDuplexCall", "/aura.TestService/Sleep",
            "/aura.TestService/StreamingInputCall", "/aura.TestService/StreamingOutputCall",
            "/aura.TestService/UnaryCall",
        ])
    }

    @Test("method lookup with or without a leading slash, and the streaming flags")
    func methodLookup() throws {
        let check = try #require(schema.method(named: "aura.Health/Check"))
        #expect(schema.method(named: "/aura.Health/Check") == check)
        #expect(check.requestType.fullName == "aura.HealthCheckRequest")
        #expect(check.responseType.fullName == "aura.HealthCheckResponse")
        #expect(!check.isClientStreaming && !check.isServerStreaming)
        #expect(check.path == "/aura.Health/Check")

        let flags = { (name: String) in
            let method = schema.method(named: "aura.TestService/" + name)
            return method.map { [$0.isClientStreaming, $0.isServerStreaming] }
        }
        #expect(flags("UnaryCall") == [false, false])
        #expect(flags("StreamingInputCall") == [true, false])
        #expect(flags("StreamingOutputCall") == [false, true])
        #expect(flags("FullDuplexCall") == [true, true])

        #expect(schema.method(named: "aura.Health/Nope") == nil)
        #expect(schema.method(named: "aura.Nope/Check") == nil)
        #expect(schema.method(named: "Check") == nil)
        #expect(schema.method(named: "") == nil)
    }

    @Test("every message of aura.proto is there with its full name")
    func messages() {
        #expect(Set(schema.messages.keys) == [
            "aura.MetadataEntry", "aura.CallHeaders", "aura.CallTrailers", "aura.HealthCheckRequest",
            "aura.HealthCheckResponse", "aura.Empty", "aura.Payload", "aura.EchoStatus", "aura.SimpleRequest",
            "aura.SimpleResponse", "aura.StreamingInputCallRequest", "aura.StreamingInputCallResponse",
            "aura.ResponseParameters", "aura.StreamingOutputCallRequest", "aura.StreamingOutputCallResponse",
            "aura.SleepRequest", "aura.SentimentScores", "aura.PiiEntity", "aura.AnalyzeOptions", "aura.AnalyzeRequest",
            "aura.SentimentResult", "aura.AnalyzeBatchRequest", "aura.ItemResult", "aura.AnalyzeBatchResponse",
            "aura.AnalyzerStats", "aura.DetectPiiRequest", "aura.DetectPiiResponse", "aura.RedactRequest",
            "aura.RedactResponse", "aura.DetectLanguageRequest", "aura.DetectLanguageResponse", "aura.PluginInfo",
            "aura.PluginList", "aura.LoadPluginRequest", "aura.PluginRef", "aura.PluginPin", "aura.RollbackRequest", "aura.DeadLetter",
            "aura.ListDeadLettersRequest", "aura.DeadLetterList", "aura.JobSpec", "aura.ResumeUpload",
            "aura.SubmitRequest", "aura.SubmitResponse", "aura.UploadRef", "aura.UploadStatus", "aura.JobSummary",
            "aura.Job", "aura.JobRef", "aura.ResultsRequest", "aura.RecordResult", "aura.ListJobsRequest",
            "aura.JobList", "aura.JobStats", "aura.PluginStats", "aura.ServerMethodStats", "aura.ServerAlert",
            "aura.ServerPluginVersion", "aura.ServerKeyUsage", "aura.ServerStats",
            "aura.BackupRequest", "aura.BackupChunk", "aura.BackupManifest", "aura.BackupFile",
            "aura.KeyInfo", "aura.CreateKeyRequest", "aura.CreatedKey", "aura.KeyList", "aura.KeyRef", "aura.SetKeyLimitRequest",
        ])
        #expect(schema.message(named: ".aura.Empty")?.fields.isEmpty == true)
    }

    @Test("fields of CallHeaders: names, JSON names, numbers, types, cardinality")
    func callHeadersFields() throws {
        let headers = try #require(schema.message(named: "aura.CallHeaders"))
        #expect(headers.fields.map(\.name) == ["method", "metadata", "timeout_micros", "message_encoding", "accept_encoding"])
        #expect(headers.fields.map(\.jsonName) == ["method", "metadata", "timeoutMicros", "messageEncoding", "acceptEncoding"])
        #expect(headers.fields.map(\.number) == [1, 2, 3, 4, 5])
        #expect(headers.fields.map(\.type) == [.string, .message(fullName: "aura.MetadataEntry"), .uint64, .string, .string])
        #expect(headers.fields.map(\.cardinality) == [.singular, .repeated, .singular, .singular, .repeated])
        #expect(headers.field(named: "timeoutMicros") == headers.field(number: 3))
        #expect(headers.field(named: "timeout_micros")?.number == 3)
        #expect(headers.field(named: "nope") == nil)
        #expect(headers.fields.allSatisfy { !$0.isPacked })
    }

    @Test("a nested enum is resolved and keeps its values")
    func nestedEnum() throws {
        let response = try #require(schema.message(named: "aura.HealthCheckResponse"))
        guard case .enumeration(let status) = try #require(response.field(named: "status")).type else {
            Issue.record("status is not an enum")
            return
        }
        #expect(status.fullName == "aura.HealthCheckResponse.ServingStatus")
        #expect(status.values.map(\.name) == ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"])
        #expect(status.values.map(\.number) == [0, 1, 2, 3])
        #expect(schema.enumeration(named: "aura.HealthCheckResponse.ServingStatus") == status)
    }
}

@Suite("Parsing the proto3 language")
struct ProtoLanguageTests {
    @Test("the kitchen-sink schema: scopes, nested types, oneof, optional, maps, packed")
    func kitchenSinkShape() throws {
        let outer = sink("Outer")
        let inner = sink("Outer.Inner")
        #expect(inner.field(named: "child")?.type == .message(fullName: "test.sink.Outer.Inner"))
        #expect(outer.field(named: "inner")?.type == .message(fullName: "test.sink.Outer.Inner"))
        guard case .enumeration(let level) = try #require(outer.field(named: "level")).type else {
            Issue.record("level is not an enum")
            return
        }
        #expect(level.fullName == "test.sink.Outer.Inner.Level")
        #expect(outer.field(named: "maybe")?.cardinality == .optional)
        #expect(outer.field(named: "maybe")?.hasPresence == true)
        #expect(outer.oneofs == ["choice"])
        #expect(outer.fields.filter { $0.oneof == "choice" }.map(\.name) == ["name", "id", "picked"])
        #expect(outer.field(named: "counts")?.cardinality == .map(key: .string))
        #expect(outer.field(named: "by_id")?.cardinality == .map(key: .int64))
        #expect(outer.field(named: "byId")?.type == .message(fullName: "test.sink.Outer.Inner"))
        #expect(outer.field(named: "color")?.type.name == "test.sink.Color")
        let repeated = sink("Repeated")
        #expect(repeated.field(named: "r_int32")?.isPacked == true)
        #expect(repeated.field(named: "r_unpacked")?.isPacked == false)
        #expect(repeated.field(named: "r_string")?.isPacked == false)
        #expect(repeated.field(named: "r_message")?.isPacked == false)
    }

    @Test("imports, options, comments, rpc bodies and empty statements are accepted")
    func ignoredStatements() throws {
        let schema = try ProtoSchema(parsing: """
            // line comment
            syntax = "proto3"; /* block
            comment */
            import "google/protobuf/empty.proto";
            import public "other.proto";
            option java_package = "com.example";
            option (my.custom).field = { a: 1 b: "x" };
            package a.b;;
            message M {
              option deprecated = true;
              int32 x = 1 [deprecated = true, (custom) = -5, json_name = "ex"];
              reserved 2 to 4, 9 to max;
              reserved "gone";
              extensions 100 to 200;
            }
            enum E { option allow_alias = true; ZERO = 0; NONE = 0 [deprecated = true]; reserved 5; }
            service S {
              option (svc) = 1.5;
              rpc Get (M) returns (M) { option idempotency_level = NO_SIDE_EFFECTS; }
              rpc Put (stream .a.b.M) returns (stream a.b.M) {}
              ;
            }
            """)
        let message = try #require(schema.message(named: "a.b.M"))
        #expect(message.field(named: "ex")?.number == 1)
        #expect(message.field(named: "x")?.jsonName == "ex")
        #expect(schema.enumeration(named: "a.b.E")?.values.map(\.name) == ["ZERO", "NONE"])
        let put = try #require(schema.method(named: "a.b.S/Put"))
        #expect(put.isClientStreaming && put.isServerStreaming)
        #expect(put.requestType.fullName == "a.b.M")
        #expect(schema.method(named: "/a.b.S/Get")?.isClientStreaming == false)
    }

    @Test("type names resolve innermost scope first, then outwards to the package")
    func scoping() throws {
        let schema = try ProtoSchema(parsing: """
            syntax = "proto3";
            package p;
            message Thing { int32 outer = 1; }
            message A {
              message Thing { int32 inner = 1; }
              message B {
                Thing nearest = 1;      // A.Thing, found before p.Thing
                .p.Thing absolute = 2;  // p.Thing
                p.Thing qualified = 3;  // p.Thing via the package name
                A.Thing via_a = 4;      // A.Thing
              }
            }
            """)
        let b = try #require(schema.message(named: "p.A.B"))
        #expect(b.fields.map(\.type.name) == ["p.A.Thing", "p.Thing", "p.Thing", "p.A.Thing"])
    }

    @Test("a file without a package or syntax statement")
    func noPackage() throws {
        let schema = try ProtoSchema(parsing: "message M { M self = 1; repeated N ns = 2; } message N {}")
        #expect(schema.package == "")
        #expect(schema.message(named: "M")?.field(named: "self")?.type == .message(fullName: "M"))
        #expect(schema.message(named: "M")?.field(named: "ns")?.type == .message(fullName: "N"))
    }

    @Test("string literals: escapes and adjacent literals joined")
    func stringLiterals() throws {
        let schema = try ProtoSchema(parsing: #"""
            syntax = 'proto' "3";
            message M { int32 x = 1 [json_name = "a\x62\143\u00e9\n"]; }
            """#)
        #expect(schema.message(named: "M")?.fields.first?.jsonName == "abcé\n")
    }

    @Test("JSON names follow protoc: underscores dropped, next letter upper-cased")
    func jsonNames() {
        #expect(FieldDescriptor.jsonName(for: "timeout_micros") == "timeoutMicros")
        #expect(FieldDescriptor.jsonName(for: "a_b_c") == "aBC")
        #expect(FieldDescriptor.jsonName(for: "already") == "already")
        #expect(FieldDescriptor.jsonName(for: "_leading") == "Leading")
        #expect(FieldDescriptor.jsonName(for: "x__y") == "xY")
        #expect(FieldDescriptor.jsonName(for: "v2_value") == "v2Value")
    }
}

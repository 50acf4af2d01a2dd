import AuraBytes
import AuraSchema
import Testing

/// For every message of aura.proto, a JSON text in canonical form (members in field-number
/// order, defaults left out), with every field set: nested, repeated, enums, bytes, negative
/// numbers, 64-bit integers as strings, non-ASCII and escaped text.
let auraSamples: [String: String] = [
    "aura.MetadataEntry": #"{"key":"x-aura-echo-trailing-bin","value":"AAEC/w=="}"#,
    "aura.CallHeaders": #"{"method":"/aura.TestService/UnaryCall","metadata":[{"key":"a","value":"YQ=="},{"key":"b-bin"},{}],"timeoutMicros":"18446744073709551615","messageEncoding":"deflate","acceptEncoding":["identity","deflate",""]}"#,
    "aura.CallTrailers": #"{"code":4294967295,"message":"ünïcödé \"quoted\"\n\ttab \\ \u0001","metadata":[{"key":"k","value":"dg=="}]}"#,
    "aura.HealthCheckRequest": #"{"service":"aura.TestService"}"#,
    "aura.HealthCheckResponse": #"{"status":"SERVICE_UNKNOWN"}"#,
    "aura.Empty": #"{}"#,
    "aura.Payload": #"{"body":"AP8QIDBAUGBwgJCgsMDQ4PA="}"#,
    "aura.EchoStatus": #"{"code":-2147483648,"message":"m"}"#,
    "aura.SimpleRequest": #"{"responseSize":-1,"payload":{"body":"AQID"},"responseStatus":{"code":5,"message":"not found"},"responseCompressed":true}"#,
    "aura.SimpleResponse": #"{"payload":{}}"#,
    "aura.StreamingInputCallRequest": #"{"payload":{"body":"AA=="}}"#,
    "aura.StreamingInputCallResponse": #"{"aggregatedPayloadSize":"-9223372036854775808"}"#,
    "aura.ResponseParameters": #"{"size":2147483647,"intervalUs":-5,"compressed":true}"#,
    "aura.StreamingOutputCallRequest": #"{"responseParameters":[{"size":1},{},{"intervalUs":3,"compressed":true}],"payload":{},"responseStatus":{"code":1}}"#,
    "aura.StreamingOutputCallResponse": #"{"payload":{"body":"/w=="}}"#,
    "aura.SleepRequest": #"{"durationMs":"1000"}"#,
    "aura.SentimentScores": #"{"positive":0.5,"negative":0.25,"neutral":0.125,"mixed":0.125}"#,
    "aura.PiiEntity": #"{"type":"EMAIL","beginOffset":3,"endOffset":20,"score":0.99}"#,
    "aura.AnalyzeOptions": #"{"languageHint":"en","redactPii":true,"analyzer":"lexicon-sentiment@1.0.0","redactor":"pattern-redactor@1.0.0"}"#,
    "aura.AnalyzeRequest": #"{"text":"I love it 😀","options":{"languageHint":"en"}}"#,
    "aura.SentimentResult": #"{"sentiment":"MIXED","scores":{"positive":0.4,"negative":0.4,"neutral":0.2},"compound":-0.05,"language":"en","languageScore":0.9,"cached":true,"analyzer":"a@1","redactor":"r@2","redactions":[{"type":"PHONE","endOffset":12}]}"#,
    "aura.AnalyzeBatchRequest": #"{"texts":["a","b"],"options":{"redactPii":true}}"#,
    "aura.ItemResult": #"{"index":7,"error":{"code":3,"message":"text is empty"}}"#,
    "aura.AnalyzeBatchResponse": #"{"results":[{"result":{"sentiment":"POSITIVE"}},{"index":1}]}"#,
    "aura.AnalyzerStats": #"{"cacheHits":"18446744073709551615","cacheMisses":"1","cacheEntries":"2","cacheBytes":"3","pluginFailures":"4"}"#,
    "aura.DetectPiiRequest": #"{"text":"x","redactor":"r@1"}"#,
    "aura.DetectPiiResponse": #"{"entities":[{"type":"URL"}],"redactor":"r@1"}"#,
    "aura.RedactRequest": #"{"text":"x","mode":"HASH","maskCharacter":"-","types":["EMAIL","PHONE"],"redactor":"r@1"}"#,
    "aura.RedactResponse": #"{"redactedText":"[EMAIL]","entities":[{"type":"EMAIL","endOffset":5}],"redactor":"r@1"}"#,
    "aura.DetectLanguageRequest": #"{"text":"hola"}"#,
    "aura.DetectLanguageResponse": #"{"language":"es","score":0.8,"analyzer":"a@1"}"#,
    "aura.PluginInfo": #"{"id":"a@1","kind":"analyzer","name":"a","version":"1","languages":["en","fr"],"path":"/p.so","abi":"1.0","active":true,"sha256":"ab12","isolation":"process","status":"AVAILABLE"}"#,
    "aura.PluginStats": #"{"calls":"9","failures":"1","timeouts":"2","crashes":"3","rejected":"4","p50Micros":"12","p99Micros":"480"}"#,
    "aura.PluginList": #"{"plugins":[{"id":"a@1"},{"id":"b@2"}],"pins":[{"name":"a","version":"1.0.0"}]}"#,
    "aura.LoadPluginRequest": #"{"path":"/p.so","config":"{}","activate":true,"isolation":"process","replace":true,"inactive":true}"#,
    "aura.PluginRef": #"{"id":"a@1"}"#,
    "aura.PluginPin": #"{"name":"a","version":"1.0.0"}"#,
    "aura.RollbackRequest": #"{"target":"analyzer"}"#,
    "aura.DeadLetter": #"{"requestId":"req-1","method":"aura.Sentiment/Analyze","code":13,"error":"boom","timeUnixMs":"1764000000000","text":"t","jobId":"j-1"}"#,
    "aura.ListDeadLettersRequest": #"{"limit":10}"#,
    "aura.DeadLetterList": #"{"letters":[{"requestId":"r"}]}"#,
    "aura.JobSpec": #"{"name":"reviews","format":"CSV","csvColumn":"text","jsonlField":"body","options":{"redactPii":true},"idempotencyKey":"k-1","expectedBytes":"1073741824","uploadId":"u-1"}"#,
    "aura.ResumeUpload": #"{"uploadId":"u-1","offset":"65536"}"#,
    "aura.SubmitRequest": #"{"chunk":"aGVsbG8K"}"#,
    "aura.SubmitResponse": #"{"jobId":"j-1","bytes":"6","sha256":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03","existing":true,"uploadId":"u-1"}"#,
    "aura.UploadRef": #"{"uploadId":"u-1"}"#,
    "aura.UploadStatus": #"{"uploadId":"u-1","durableBytes":"4096","completed":true,"jobId":"j-1"}"#,
    "aura.JobSummary": #"{"positive":"3","negative":"2","neutral":"1","mixed":"1","meanScores":{"positive":0.5},"meanCompound":-0.25,"languages":{"en":"7"}}"#,
    "aura.Job": #"{"jobId":"j-1","name":"n","state":"FAILED","format":"JSONL","bytes":"10","sha256":"ab","recordsDone":"2","recordsTotal":"3","recordsFailed":"1","createdUnixMs":"1","startedUnixMs":"2","completedUnixMs":"3","error":"line 3: not a JSON object","summary":{"positive":"1"},"options":{"languageHint":"fr"},"idempotencyKey":"k"}"#,
    "aura.JobRef": #"{"jobId":"j-1"}"#,
    "aura.ResultsRequest": #"{"jobId":"j-1","fromIndex":"100"}"#,
    "aura.RecordResult": #"{"index":"4","line":"5","result":{"sentiment":"NEUTRAL"},"error":{"code":13,"message":"plugin failure"}}"#,
    "aura.ListJobsRequest": #"{"state":"PENDING","pageSize":50,"pageToken":"t"}"#,
    "aura.JobList": #"{"jobs":[{"jobId":"a"},{"jobId":"b","state":"COMPLETED"}],"nextPageToken":"n"}"#,
    "aura.JobStats": #"{"pending":"1","processing":"2","completed":"3","failed":"4","cancelled":"5","logBytes":"6","logBudgetBytes":"7","logSegments":"8","recordsProcessed":"9"}"#,
    "aura.ServerMethodStats": #"{"method":"aura.Sentiment/Analyze","rpcType":"unary","calls":"10","errors":"1","callsByCode":{"INTERNAL":"1","OK":"9"},"p50Seconds":0.0005,"p95Seconds":0.002,"p99Seconds":2.5}"#,
    "aura.ServerAlert": #"{"name":"AuraHighErrorRate","message":"error rate 10.0% of 10 calls (threshold 5.0%)","sinceUnixMs":"-1"}"#,
    "aura.ServerPluginVersion": #"{"kind":"analyzer","name":"lexicon","version":"1.2.0","active":true}"#,
    "aura.ServerKeyUsage": #"{"keyId":"k-1","calls":"18446744073709551615"}"#,
    "aura.ServerStats": #"{"timeUnixMs":"1","uptimeSeconds":"2","methods":[{"method":"unknown"}],"calls":"3","errors":"4","errorRate":0.25,"cacheHits":"5","cacheMisses":"6","cacheHitRate":0.5,"sentiments":{"NEUTRAL":"7","POSITIVE":"8"},"keyUsage":[{"keyId":"a","calls":"1"}],"jobQueueDepth":"9","jobLogSyncs":"10","jobLogSyncP50Seconds":0.000125,"jobLogSyncP99Seconds":0.008,"plugins":[{"kind":"redactor"}],"residentBytes":"11","connections":"12","alerts":[{"name":"AuraJobQueueBacklog"}]}"#,
    "aura.BackupRequest": "{}",
    "aura.BackupChunk": #"{"path":"joblog/00000000000000000001.seg","offset":"1048576","data":"aGVsbG8="}"#,
    "aura.BackupManifest": #"{"createdUnixMs":"1764517200000","files":[{"path":"plugins.json","size":"5","sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"}]}"#,
    "aura.BackupFile": #"{"path":"redaction.key","size":"32","sha256":"ab"}"#,
    "aura.KeyInfo": #"{"id":"3f9c0a7d12e4b856","scopes":["analyze","jobs"],"ratePerSecond":10,"burst":20,"enabled":true,"createdUnixMs":"1764500000000"}"#,
    "aura.CreateKeyRequest": #"{"scopes":["admin"],"ratePerSecond":4294967295,"burst":1}"#,
    "aura.CreatedKey": #"{"key":{"id":"0000000000000001"},"token":"aura_0000000000000001_00"}"#,
    "aura.KeyList": #"{"keys":[{"id":"a"},{"enabled":true}]}"#,
    "aura.KeyRef": #"{"id":"3f9c0a7d12e4b856"}"#,
    "aura.SetKeyLimitRequest": #"{"id":"3f9c0a7d12e4b856","ratePerSecond":1}"#,
]

@Suite("JSON round trips")
struct JSONRoundTripTests {
    @Test("the samples cover every message of aura.proto")
    func coverage() {
        #expect(Set(auraSamples.keys) == Set(ProtoSchema.aura.messages.keys))
    }

    @Test("JSON -> message -> binary -> message -> JSON, for every message of aura.proto", arguments: auraSamples.keys.sorted())
    func auraRoundTrip(name: String) throws {
        let json = try #require(auraSamples[name])
        let type = try #require(ProtoSchema.aura.message(named: name))
        let message = try DynamicMessage(json: json, as: type, in: .aura)
        let decoded = try DynamicMessage(decoding: message.encoded(), as: type, in: .aura)
        #expect(decoded == message)
        #expect(decoded.jsonString() == json)
        #expect(decoded.encoded() == message.encoded())
    }

    @Test("every scalar type of the kitchen sink, at its extremes")
    func scalars() throws {
        let json = #"{"fDouble":-1.7976931348623157e+308,"fFloat":3.4028235e+38,"fInt32":-2147483648,"fInt64":"-9223372036854775808","fUint32":4294967295,"fUint64":"18446744073709551615","fSint32":-1,"fSint64":"9223372036854775807","fFixed32":4294967295,"fFixed64":"18446744073709551615","fSfixed32":-2147483648,"fSfixed64":"-1","fBool":true,"fString":"☃","fBytes":"+/8=","fColor":"NEGATIVE"}"#
        try expectRoundTrip(json, as: sink("Scalars"))
    }

    @Test("repeated fields of every type, and non-finite floats")
    func repeated() throws {
        let json = #"{"rDouble":[0,-0.0,1.5,"NaN","Infinity","-Infinity",5e-324],"rFloat":[0.1,"-Infinity"],"rInt32":[-1,0,1],"rInt64":["-1","0"],"rUint32":[0],"rUint64":["0","1"],"rSint32":[-2147483648,2147483647],"rSint64":["-2"],"rFixed32":[1],"rFixed64":["2"],"rSfixed32":[-3],"rSfixed64":["-4"],"rBool":[true,false],"rString":["","a"],"rBytes":["","AA=="],"rColor":["COLOR_UNSPECIFIED","GREEN",42],"rMessage":[{},{"fInt32":1}],"rUnpacked":[0,7]}"#
        let message = try DynamicMessage(json: json, as: sink("Repeated"), in: kitchenSink)
        let decoded = try DynamicMessage(decoding: message.encoded(), as: sink("Repeated"), in: kitchenSink)
        #expect(decoded.jsonString() == json)
        // NaN is not equal to itself, so compare the rest structurally.
        #expect(decoded["rInt64"] == message["rInt64"])
        #expect(decoded["rColor"] == .list([.enumNumber(0), .enumNumber(2), .enumNumber(42)]))
        guard case .double(let negativeZero) = decoded["rDouble"]?.list?[1] else {
            Issue.record("rDouble[1] is not a double")
            return
        }
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
    }

    @Test("nested messages, optional, oneof and maps")
    func outer() throws {
        let json = #"{"inner":{"level":"HIGH","child":{"child":{}}},"level":"LOW","maybe":0,"picked":{"level":"HIGH"},"counts":{"a":1,"b":0},"byId":{"-5":{},"7":{"level":"HIGH"}},"flags":{"false":"no","true":"yes"},"color":"RED"}"#
        try expectRoundTrip(json, as: sink("Outer"), expectedOutput: #"{"inner":{"level":"HIGH","child":{"child":{}}},"maybe":0,"picked":{"level":"HIGH"},"counts":{"a":1,"b":0},"byId":{"-5":{},"7":{"level":"HIGH"}},"flags":{"false":"no","true":"yes"},"color":"RED"}"#)
    }

    private func expectRoundTrip(
        _ json: String, as type: MessageDescriptor, expectedOutput: String? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let message = try DynamicMessage(json: json, as: type, in: kitchenSink)
        let decoded = try DynamicMessage(decoding: message.encoded(), as: type, in: kitchenSink)
        #expect(decoded == message, sourceLocation: sourceLocation)
        #expect(decoded.jsonString() == (expectedOutput ?? json), sourceLocation: sourceLocation)
    }
}

import AuraJobs
import Testing

@Suite struct JobIDTests {
    @Test func anIdNamesTheNodeThatMadeIt() {
        let id = JobID.make(node: "aura-2.example")
        #expect(id.hasPrefix("job-aura-2.example-"))
        #expect(JobID.node(of: id) == "aura-2.example")
    }

    @Test func idsWithoutANodeNameNoNode() {
        let id = JobID.make(node: nil)
        #expect(id.utf8.count == 20)
        #expect(JobID.node(of: id) == nil)
        #expect(JobID.node(of: "job-5f0c1e2a9b3d4c7e") == nil)  // made before clusters
    }

    @Test func malformedIdsNameNoNode() {
        for id in ["", "job-", "job--5f0c1e2a9b3d4c7e", "job-a-5F0C1E2A9B3D4C7E", "job-a_5f0c1e2a9b3d4c7e", "up-a-5f0c1e2a9b3d4c7e", "job-a-5f0c"] {
            #expect(JobID.node(of: id) == nil, "\(id)")
        }
    }

    @Test func nodeNamesAreHostLikeTokens() {
        #expect(JobID.isValidNode("aura-0"))
        #expect(JobID.isValidNode("ip-10-0-0-1.ec2"))
        #expect(!JobID.isValidNode(""))
        #expect(!JobID.isValidNode("a b"))
        #expect(!JobID.isValidNode("a_b"))
        #expect(!JobID.isValidNode(String(repeating: "a", count: 64)))
    }
}

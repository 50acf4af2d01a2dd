import AuraSchema
import Foundation

/// `aura-rpc list`: the schema's methods, their shapes and message types.
struct ListCommand {
    let invocation: Invocation

    func run() throws(CLIFailure) {
        guard invocation.operands.isEmpty else {
            throw .usage("list takes no arguments", topic: .list)
        }
        let methods = ProtoSchema.aura.methods
        if invocation.json {
            for method in methods {
                Output.line(Output.jsonObject([
                    "method": method.path, "shape": method.shape,
                    "requestType": method.requestType.fullName, "responseType": method.responseType.fullName,
                ]))
            }
            return
        }
        let pathWidth = methods.map(\.path.count).max() ?? 0
        let shapeWidth = methods.map(\.shape.count).max() ?? 0
        for method in methods {
            let path = method.path.padding(toLength: pathWidth, withPad: " ", startingAt: 0)
            let shape = method.shape.padding(toLength: shapeWidth, withPad: " ", startingAt: 0)
            Output.line("\(path)  \(shape)  \(method.requestType.fullName) -> \(method.responseType.fullName)")
        }
    }
}

extension MethodDescriptor {
    /// The call shape in words: "unary", "client streaming", "server streaming" or
    /// "bidi streaming".
    var shape: String {
        switch (isClientStreaming, isServerStreaming) {
        case (false, false): return "unary"
        case (true, false): return "client streaming"
        case (false, true): return "server streaming"
        case (true, true): return "bidi streaming"
        }
    }
}

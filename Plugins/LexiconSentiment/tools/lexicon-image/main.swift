// Writes the lexicon image the plugin embeds, from the data files' records (LexiconRecords):
//
//     swift run lexicon-image [path]     (default: Plugins/LexiconSentiment/Image/lexicon.image)
//
// Run it after generate-lexicon.py, or after changing how tables are built or laid out;
// LexiconImageTests fails while the committed image differs from what this writes.
import Glibc
import LexiconRecords
import LexiconSentimentCore

/// Reports `problem` with errno's reason on standard error and exits with status 1.
func fail(_ problem: String) -> Never {
    var line = "lexicon-image: \(problem): \(String(cString: strerror(errno)))\n"
    _ = line.withUTF8 { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let path = CommandLine.arguments.dropFirst().first ?? "Plugins/LexiconSentiment/Image/lexicon.image"
let image = LexiconImage.build(.embedded)
guard let file = fopen(path, "wb") else { fail("cannot open \(path)") }
let written = image.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
guard written == image.count, fclose(file) == 0 else { fail("cannot write \(path)") }
print("lexicon-image: wrote \(image.count) bytes to \(path)")

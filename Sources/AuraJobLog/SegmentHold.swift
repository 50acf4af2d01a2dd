import Synchronization

/// The log's segments as they were at one moment, kept from removal until `release()`: what a
/// backup copies. Each segment is listed with its durable end then, and the bytes before that
/// end never change (the writer only appends past it), so copying every listed file up to its
/// end gives the log exactly as it was, whatever is appended meanwhile.
public final class SegmentHold: Sendable {
    /// One held segment.
    public struct Segment: Sendable, Equatable {
        /// The segment's id.
        public let id: UInt64
        /// Its file's name in the log's folder (`<id>.seg`).
        public let fileName: String
        /// The bytes to copy: the header and every record synced when the hold began.
        public let bytes: Int
    }

    /// The log's folder.
    public let directory: String
    /// The segments, oldest first; the one being written last.
    public let segments: [Segment]
    private let catalog: LogCatalog
    private let released = Atomic<Bool>(false)

    init(directory: String, segments: [SegmentExtent], catalog: LogCatalog) {
        self.directory = directory
        self.segments = segments.map { Segment(id: $0.id, fileName: SegmentFormat.fileName($0.id), bytes: $0.end) }
        self.catalog = catalog
    }

    /// Lets compaction remove segments again. Safe to call more than once.
    public func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        catalog.releaseHold()
    }
}

extension JobLog {
    /// Holds the segments as they are now (see `SegmentHold`): until the hold is released,
    /// `removeSegment` fails with EBUSY. Appends go on meanwhile.
    public func holdSegments() -> SegmentHold {
        SegmentHold(directory: directory.path, segments: catalog.hold(), catalog: catalog)
    }

    /// Whether a `SegmentHold` is in force (compaction waits for it to end).
    public var segmentsHeld: Bool { catalog.isHeld }
}

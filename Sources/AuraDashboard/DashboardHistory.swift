/// The series at every resolution. Each resolution makes a point when a reading lands in a
/// new step (a new second, minute or UTC day) from the reading that opened the previous step,
/// so a point covers exactly the time between those two readings, however late a timer fired.
struct DashboardHistory: Sendable {
    private struct Track: Sendable {
        var ring: SeriesRing
        /// The reading that opened the current step, and when it was taken.
        var opened: (reading: DashboardReading, time: Int64)?
    }

    let objective: SLAObjective
    private var tracks: [Track]
    /// The last reading recorded.
    private(set) var latest: (reading: DashboardReading, time: Int64)?

    /// Empty series.
    init(objective: SLAObjective) {
        self.objective = objective
        tracks = DashboardResolution.allCases.map { Track(ring: SeriesRing(capacity: $0.capacity)) }
    }

    /// Records a reading taken at `time` (milliseconds since the epoch).
    mutating func record(_ reading: DashboardReading, at time: Int64) {
        for (index, resolution) in DashboardResolution.allCases.enumerated() {
            guard let opened = tracks[index].opened else {
                tracks[index].opened = (reading, time)
                continue
            }
            let step = resolution.stepMilliseconds
            guard time / step > opened.time / step else { continue }
            let seconds = Double(time - opened.time) / 1000
            tracks[index].ring.append(time: time, DashboardPoint.values(from: opened.reading, to: reading, seconds: seconds, objective: objective))
            tracks[index].opened = (reading, time)
        }
        latest = (reading, time)
    }

    /// The newest `limit` points at `resolution`.
    func points(_ resolution: DashboardResolution, limit: Int) -> (times: [Int64], series: [[Double]]) {
        tracks[index(resolution)].ring.newest(limit)
    }

    /// The point the current step at `resolution` would make now (e.g. today so far), nil
    /// before two readings.
    func partial(_ resolution: DashboardResolution) -> [Double]? {
        guard let opened = tracks[index(resolution)].opened, let latest, latest.time > opened.time else { return nil }
        return DashboardPoint.values(from: opened.reading, to: latest.reading, seconds: Double(latest.time - opened.time) / 1000, objective: objective)
    }

    /// Calls per key since the current step at `resolution` opened.
    func keyCalls(since resolution: DashboardResolution) -> [String: Double] {
        let before = Dictionary(tracks[index(resolution)].opened?.reading.keys.map { ($0.id, $0.calls) } ?? [], uniquingKeysWith: max)
        return Dictionary((latest?.reading.keys ?? []).map { ($0.id, max($0.calls - (before[$0.id] ?? 0), 0)) }, uniquingKeysWith: max)
    }

    private func index(_ resolution: DashboardResolution) -> Int { DashboardResolution.allCases.firstIndex(of: resolution)! }
}

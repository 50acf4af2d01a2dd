/// The last `capacity` points of every series at one resolution, in storage allocated once:
/// a new point overwrites the oldest, so memory never depends on traffic or uptime.
struct SeriesRing: Sendable {
    /// How many points it keeps.
    let capacity: Int
    private let width = DashboardSeries.allCases.count
    private var times: [Int64]
    private var values: [Double]
    private var next = 0
    /// How many points it holds (up to `capacity`).
    private(set) var count = 0

    /// An empty ring of `capacity` points.
    init(capacity: Int) {
        precondition(capacity > 0, "a ring holds at least one point")
        self.capacity = capacity
        times = Array(repeating: 0, count: capacity)
        values = Array(repeating: .nan, count: capacity * DashboardSeries.allCases.count)
    }

    /// Adds a point ending at `time` (milliseconds since the epoch), one value per series in
    /// `DashboardSeries.allCases` order, over the oldest when full.
    mutating func append(time: Int64, _ point: [Double]) {
        precondition(point.count == width, "one value per series")
        times[next] = time
        for index in 0..<width { values[next * width + index] = point[index] }
        next = (next + 1) % capacity
        count = min(count + 1, capacity)
    }

    /// The newest `limit` points, oldest first: their end times, and each series' values.
    func newest(_ limit: Int) -> (times: [Int64], series: [[Double]]) {
        let taken = max(0, min(limit, count))
        let slots = (0..<taken).map { (next - taken + $0 + capacity) % capacity }
        return (slots.map { times[$0] }, (0..<width).map { column in slots.map { values[$0 * width + column] } })
    }
}

/// How finely the dashboard keeps its series, each at a fixed number of points: a second per
/// point for an hour, a minute per point for a day, a day per point for 30 days.
public enum DashboardResolution: String, CaseIterable, Sendable {
    /// A point a second, for the last hour.
    case second
    /// A point a minute, for the last day.
    case minute
    /// A point a UTC day, for the last 30 days.
    case day

    /// The step between points, in milliseconds.
    public var stepMilliseconds: Int64 {
        switch self {
        case .second: 1_000
        case .minute: 60_000
        case .day: 86_400_000
        }
    }

    /// How many points are kept.
    public var capacity: Int {
        switch self {
        case .second: 3_600
        case .minute: 1_440
        case .day: 30
        }
    }
}

/// Errors of the planning tools, each naming what is wrong.
public enum PlanningError: Error, CustomStringConvertible, Equatable {
    case missingMetric(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .missingMetric(let key):
            "the model does not report the metric \"\(key)\" that the target needs"
        case .invalid(let message): message
        }
    }
}

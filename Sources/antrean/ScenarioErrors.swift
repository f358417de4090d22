import AntreanCity
import AntreanQueueing
import AntreanScenario
import ArgumentParser
import Foundation

/// Runs `body`; an error in the scenario (a field, a model that cannot run, an unstable queue)
/// ends the command with its message and exit 65, a missing or unreadable file with exit 66.
func scenarioValue<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ScenarioError {
        printToStandardError("error: \(error)")
        throw error.kind == .unreadable ? ExitStatus.missingInput : ExitStatus.badInput
    } catch let error as QueueNetworkError {
        printToStandardError("error: \(error)")
        throw ExitStatus.badInput
    } catch let error as CityModelError {
        printToStandardError("error: \(error)")
        throw ExitStatus.badInput
    }
}

/// The estimate of what running `scenario` costs; a run beyond the limits ends the command (65).
@discardableResult
func checkWorkload(_ scenario: Scenario, file: String, replications: Int, days: Int? = nil) throws
    -> ScenarioWorkload
{
    let workload = scenario.workload(replications: replications, days: days)
    try scenarioValue { try workload.check(file: file) }
    return workload
}

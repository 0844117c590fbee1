import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

extension Run {
    /// `&run parameter_set = 'NAME'`: the run over every member of the set (MPI-parallel, the task split and gather of
    /// `ensemble`), written as one ensemble file (members, percentiles, exceedance probabilities) at the run's output path.
    func runParameterSet(_ configuration: RunConfiguration, namelist namelistFile: Namelist) throws {
        let ensemble = EnsembleRun(quiet: quiet, stopAfterTasks: nil)
        try ensemble.reportingFailure {
            let path = outputPath(configuration.run)
            try OutputChecks.require(path, namelist: namelistFile, key: "output_directory", option: output.map { _ in "--output" })
            let plan: RunPlan
            do { plan = try RunPlan(configuration) } catch { throw namelistFile.locating(error) }
            let (c, drivers): (EnsembleConfiguration, DriverSeries)
            do { (c, drivers) = try ParameterSetEnsemble.configuration(for: plan) } catch { throw namelistFile.locating(error) }
            let model = plan.simulation.model
            var worker = try EnsembleWorker(configuration: c, drivers: [drivers], halogenPreindustrialPPT: model.gasCycles.halogenPreindustrialPPT,
                                            reference: Array(drivers.values[0..<drivers.columnCount]))
            let outcome = try ensemble.run(c, worker: &worker, resume: false)
            guard let results = outcome.results else { return }
            let analysis = EnsembleAnalysis(results: results, observations: nil)
            try NetCDF.write(EnsembleDataset.make(analysis), to: path)
            if !quiet {
                print(analysis.summaryText)
                print(ensemble.statistics(outcome))
                print("written: \(path)")
            }
        }
    }
}

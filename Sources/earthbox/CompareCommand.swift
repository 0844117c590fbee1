import ArgumentParser
import EarthBox
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compare pathway runs.")
    func run() throws {}
}

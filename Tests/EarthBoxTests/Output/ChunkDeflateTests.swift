import CNetCDF
import Foundation
import Testing
@testable import EarthBox

/// The streamed variables' own chunk compression (`ChunkDeflate`, `NetCDFChunkWriter`): what HDF5 reads back is what
/// was written, bit for bit, edge chunks included, and the noise planes are stored rather than deflated.
@Suite("Chunk compression")
struct ChunkDeflateTests {
    /// Values whose low significand bytes are noise and whose exponents repeat, like model output, with the awkward ones.
    static func series(_ count: Int, seed: UInt64) -> [Double] {
        var random = Xoshiro256StarStar(seed: seed)
        var values = (0..<count).map { i in 280 + 0.01 * Double(i % 551) + random.nextUnitInterval() }
        for (i, special) in [-0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude].enumerated() {
            values[7 * i + 3] = special
        }
        return values
    }

    /// The shuffled planes put back in value order.
    static func unshuffle(_ planes: [UInt8], count n: Int) -> [Double] {
        var bytes = [UInt8](repeating: 0, count: 8 * n)
        for i in 0..<n { for k in 0..<8 { bytes[8 * i + k] = planes[k * n + i] } }
        return bytes.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    }

    @Test func aChunkInflatesToItsValues() throws {
        let values = Self.series(10_000, seed: 3)
        let compressed = try values.withUnsafeBufferPointer { try ChunkDeflate.compress($0, level: 1) }
        var planes = [UInt8](repeating: 0, count: 8 * values.count)
        var length = uLongf(planes.count)
        let status = compressed.withUnsafeBufferPointer { source in
            planes.withUnsafeMutableBufferPointer { uncompress($0.baseAddress, &length, source.baseAddress, uLong(source.count)) }
        }
        #expect(status == Z_OK)
        #expect(Int(length) == planes.count)
        let back = Self.unshuffle(planes, count: values.count)
        #expect(zip(back, values).allSatisfy { $0.bitPattern == $1.bitPattern })
        // Five noise planes stored, three deflated: between 5/8 of the bytes and all of them.
        #expect(compressed.count > 5 * values.count && compressed.count < 8 * values.count)
    }

    @Test func repetitiveValuesCompressHard() throws {
        let values = [Double](repeating: 1.5, count: 20_000)
        let compressed = try values.withUnsafeBufferPointer { try ChunkDeflate.compress($0, level: 1) }
        #expect(compressed.count < values.count * 8 / 100)
    }

    @Test func entropyOfBytes() {
        let constant = [UInt8](repeating: 7, count: 1000)
        let uniform = (0..<256 * 4).map { UInt8($0 % 256) }
        #expect(constant.withUnsafeBufferPointer(ChunkDeflate.entropyBits) == 0)
        #expect(abs(uniform.withUnsafeBufferPointer(ChunkDeflate.entropyBits) - 8) < 1e-12)
        #expect(abs([UInt8]([0, 1]).withUnsafeBufferPointer(ChunkDeflate.entropyBits) - 1) < 1e-12)
    }

    /// A streamed, compressed variable with an edge chunk (2001 members in chunks of 1001) reads back bit for bit and
    /// equal to the same values written whole through HDF5's own filter.
    @Test func streamedVariableRoundTripsWithEdgeChunks() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shape = [1, 2001, 200]
        let values = Self.series(shape.reduce(1, *), seed: 11)
        let chunks = NetCDF.chunkSizes(shape)
        #expect(chunks == [1, 1001, 200])
        let stream = StreamedValues(count: values.count) { (chunks: [Int], put: StreamedValues.Put) throws(NetCDFError) in
            for m0 in stride(from: 0, to: shape[1], by: chunks[1]) {
                let nm = min(chunks[1], shape[1] - m0)
                try values.withUnsafeBufferPointer { (all: UnsafeBufferPointer<Double>) throws(NetCDFError) in
                    try put([0, m0, 0], [1, nm, shape[2]], UnsafeBufferPointer(rebasing: all[(m0 * shape[2])..<((m0 + nm) * shape[2])]))
                }
            }
        }
        func dataset(_ variable: Variable) -> Dataset {
            var ds = Dataset(dimensions: [Dimension(name: "scenario", length: shape[0]), Dimension(name: "member", length: shape[1]),
                                          Dimension(name: "time", length: shape[2])],
                             variables: [variable], globalAttributes: [])
            ds.deflateLevel = 1
            return ds
        }
        let streamedPath = folder.appendingPathComponent("streamed.nc").path
        let wholePath = folder.appendingPathComponent("whole.nc").path
        try NetCDF.write(dataset(Variable(name: "tas", dimensions: ["scenario", "member", "time"], stream: stream)), to: streamedPath)
        try NetCDF.write(dataset(Variable(name: "tas", dimensions: ["scenario", "member", "time"], data: values)), to: wholePath)
        let streamed = try #require(try NetCDF.read(path: streamedPath).variable("tas"))
        let whole = try #require(try NetCDF.read(path: wholePath).variable("tas"))
        #expect(streamed.data.count == values.count)
        #expect(zip(streamed.data, values).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(streamed.data.map(\.bitPattern) == whole.data.map(\.bitPattern))
        #expect(ProcessSupport.contents(of: folder) == ["streamed.nc", "whole.nc"])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEarthBoxSupport

// Thin wrappers so hot code in this module calls libm directly and can be @inlinable.
@inline(__always) public func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) public func _log(_ x: Double) -> Double { log(x) }
@inline(__always) public func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) public func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) public func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
/// √x as the IEEE instruction (`eb_sqrt`): `Double.squareRoot()` on Linux is C's errno-setting sqrt, a compare, a
/// branch and an opaque call at every use, which keeps retains alive around the step's arithmetic. Same bits.
@inline(__always) public func _sqrt(_ x: Double) -> Double { eb_sqrt(x) }

import Foundation

/// A `.safetensors` file (an 8-byte little-endian header length, a JSON header, then raw tensor data), memory-mapped.
/// Only F32 tensors can be read as floats; the others are listed but not converted.
final class SafetensorsFile: Sendable {
    struct Tensor: Sendable, Equatable {
        var dtype: String
        var shape: [Int]
        var start: Int
        var end: Int
    }

    let file: MappedFile
    let tensors: [String: Tensor]
    private let dataStart: Int

    var path: String { file.path }

    init(path: String) throws {
        file = try MappedFile(path: path)
        let bytes = file.bytes
        guard bytes.count >= 8 else { throw EmbeddingError.badModelFile(path: path, reason: "too short for safetensors") }
        let headerLength = Int(UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, 8 + headerLength <= bytes.count else {
            throw EmbeddingError.badModelFile(path: path, reason: "safetensors header length \(headerLength) is impossible")
        }
        dataStart = 8 + headerLength
        let header = Data(bytes[8..<dataStart])
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw EmbeddingError.badModelFile(path: path, reason: "safetensors header is not a JSON object")
        }
        var tensors: [String: Tensor] = [:]
        for (name, value) in json where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], dataStart + offsets[1] <= bytes.count
            else { throw EmbeddingError.badModelFile(path: path, reason: "tensor '\(name)' has a bad header entry") }
            tensors[name] = Tensor(dtype: dtype, shape: shape, start: offsets[0], end: offsets[1])
        }
        self.tensors = tensors
    }

    /// The F32 tensor `name`, checked against `shape`, as a pointer into the mapping (valid while `self` lives).
    func floats(_ name: String, shape: [Int]) throws -> UnsafePointer<Float> {
        guard let tensor = tensors[name] else {
            throw EmbeddingError.badModelFile(path: path, reason: "no tensor '\(name)'")
        }
        guard tensor.dtype == "F32", tensor.shape == shape,
            tensor.end - tensor.start == shape.reduce(1, *) * MemoryLayout<Float>.size
        else {
            throw EmbeddingError.badModelFile(
                path: path, reason: "tensor '\(name)' is \(tensor.dtype) \(tensor.shape), expected F32 \(shape)")
        }
        let address = file.bytes.baseAddress! + dataStart + tensor.start
        guard Int(bitPattern: address) % MemoryLayout<Float>.alignment == 0 else {
            throw EmbeddingError.badModelFile(path: path, reason: "tensor '\(name)' is not 4-byte aligned")
        }
        return UnsafePointer(address.assumingMemoryBound(to: Float.self))
    }
}

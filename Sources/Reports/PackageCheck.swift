import CXLSXWriter
import Foundation

/// Reads a closed workbook back and proves it whole: every part listed in the zip's directory inflates to the size
/// and checksum recorded for it, and every XML part ends with its root element's end tag.
///
/// libxlsxwriter writes each part to a temporary file before zipping it and does not check those writes: on a full
/// file system a part comes out cut short, zipped as it is, and `workbook_close` reports success. The read-back
/// streams each part through a fixed buffer, so memory stays flat however large the workbook is.
enum PackageCheck {
    /// The first thing wrong with the package at `path`, or `nil` when it is whole.
    static func problem(in path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot read it back: \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        do {
            let reader = Reader(descriptor: descriptor)
            let entries = try reader.directory()
            guard !entries.isEmpty else { return "the package lists no parts" }
            for entry in entries {
                if let problem = try reader.check(entry) { return "part \(entry.name) \(problem)" }
            }
            return nil
        } catch let failure as Failure {
            return failure.message
        } catch {
            return "\(error)"
        }
    }

    struct Failure: Error {
        var message: String
    }

    /// One part as the zip's central directory lists it.
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var headerOffset: Int
    }

    private struct Reader {
        let descriptor: Int32
        static let chunk = 1 << 16

        func read(_ count: Int, at offset: Int) throws -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let got = bytes.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw Failure(message: "cannot read it back: \(String(cString: strerror(errno)))")
                }
                if got == 0 { throw Failure(message: "the package is cut short (at byte \(offset + done))") }
                done += got
            }
            return bytes
        }

        func directory() throws -> [Entry] {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                throw Failure(message: "cannot read it back: \(String(cString: strerror(errno)))")
            }
            let size = Int(status.st_size)
            // The end-of-directory record: 22 bytes and a comment of at most 65,535 bytes, at the very end.
            let tailLength = min(size, 22 + 65_535)
            guard tailLength >= 22 else { throw Failure(message: "the package is cut short (\(size) bytes)") }
            let tail = try read(tailLength, at: size - tailLength)
            guard let end = (0...(tailLength - 22)).reversed().first(where: { Self.u32(tail, $0) == 0x0605_4B50 }) else {
                throw Failure(message: "the package has no zip directory (it is cut short or not a zip file)")
            }
            let count = Int(Self.u16(tail, end + 10))
            let directorySize = Int(Self.u32(tail, end + 12))
            let directoryOffset = Int(Self.u32(tail, end + 16))
            guard directoryOffset + directorySize <= size - tailLength + end else {
                throw Failure(message: "the package's zip directory points past its end")
            }
            let bytes = try read(directorySize, at: directoryOffset)
            var entries: [Entry] = []
            var at = 0
            for _ in 0..<count {
                guard at + 46 <= bytes.count, Self.u32(bytes, at) == 0x0201_4B50 else {
                    throw Failure(message: "the package's zip directory is damaged")
                }
                let nameLength = Int(Self.u16(bytes, at + 28))
                let extraLength = Int(Self.u16(bytes, at + 30))
                let commentLength = Int(Self.u16(bytes, at + 32))
                guard at + 46 + nameLength <= bytes.count else {
                    throw Failure(message: "the package's zip directory is damaged")
                }
                entries.append(Entry(
                    name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                    method: Self.u16(bytes, at + 10), crc: Self.u32(bytes, at + 16),
                    compressedSize: Int(Self.u32(bytes, at + 20)), size: Int(Self.u32(bytes, at + 24)),
                    headerOffset: Int(Self.u32(bytes, at + 42))))
                at += 46 + nameLength + extraLength + commentLength
            }
            return entries
        }

        /// What is wrong with one part, or `nil`.
        func check(_ entry: Entry) throws -> String? {
            let header = try read(30, at: entry.headerOffset)
            guard Self.u32(header, 0) == 0x0403_4B50 else { return "has a damaged header" }
            var offset = entry.headerOffset + 30 + Int(Self.u16(header, 26)) + Int(Self.u16(header, 28))
            var remaining = entry.compressedSize
            var content = Content()
            switch entry.method {
            case 0:
                while remaining > 0 {
                    let bytes = try read(min(remaining, Self.chunk), at: offset)
                    offset += bytes.count
                    remaining -= bytes.count
                    bytes.withUnsafeBufferPointer { content.add($0) }
                }
            case 8:
                if let problem = try inflate(&content, from: offset, length: remaining) { return problem }
            default:
                return "uses zip method \(entry.method), which a workbook never does"
            }
            guard content.count == entry.size, content.crc == entry.crc else {
                return "does not match its checksum (\(content.count) bytes for \(entry.size))"
            }
            let isXML = [".xml", ".rels", ".vml"].contains { entry.name.hasSuffix($0) }
            if isXML, !content.endsWithRootEndTag {
                return "is cut short (\(content.count) bytes, no end tag)"
            }
            return nil
        }

        private func inflate(_ content: inout Content, from start: Int, length: Int) throws -> String? {
            var stream = z_stream()
            guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                return "cannot be inflated (zlib would not start)"
            }
            defer { inflateEnd(&stream) }
            var output = [UInt8](repeating: 0, count: Self.chunk)
            var offset = start
            var remaining = length
            var status = Z_OK
            while status != Z_STREAM_END {
                guard remaining > 0 else { return "is cut short in the package" }
                var input = try read(min(remaining, Self.chunk), at: offset)
                offset += input.count
                remaining -= input.count
                let inputCount = input.count
                try input.withUnsafeMutableBufferPointer { inputBuffer in
                    stream.next_in = inputBuffer.baseAddress
                    stream.avail_in = UInt32(inputCount)
                    repeat {
                        status = output.withUnsafeMutableBufferPointer { outputBuffer in
                            stream.next_out = outputBuffer.baseAddress
                            stream.avail_out = UInt32(outputBuffer.count)
                            let status = CXLSXWriter.inflate(&stream, Z_NO_FLUSH)
                            content.add(UnsafeBufferPointer(rebasing: outputBuffer[..<(outputBuffer.count - Int(stream.avail_out))]))
                            return status
                        }
                        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                            throw Failure(message: "cannot be inflated (zlib error \(status))")
                        }
                        // More input to use, or a full output buffer that may hide more output.
                    } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
                }
            }
            return nil
        }

        static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
    }

    /// What is kept of a part while it streams by: its length, checksum, first bytes and last bytes.
    struct Content {
        var count = 0
        var crc: UInt32 = 0
        var head: [UInt8] = []
        var tail: [UInt8] = []
        static let kept = 512

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty else { return }
            count += bytes.count
            crc = UInt32(crc32(uLong(crc), bytes.baseAddress, uInt(bytes.count)))
            if head.count < Self.kept { head.append(contentsOf: bytes.prefix(Self.kept - head.count)) }
            if bytes.count >= Self.kept {
                tail = Array(bytes.suffix(Self.kept))
            } else {
                tail.append(contentsOf: bytes)
                if tail.count > Self.kept { tail.removeFirst(tail.count - Self.kept) }
            }
        }

        /// The root element's name: the first tag that is not a declaration, comment or processing instruction.
        var rootName: String? {
            var index = 0
            while index < head.count {
                if head[index] == UInt8(ascii: "<"), index + 1 < head.count,
                    head[index + 1] != UInt8(ascii: "?"), head[index + 1] != UInt8(ascii: "!")
                {
                    let start = index + 1
                    var end = start
                    while end < head.count, !" \t\r\n/>".utf8.contains(head[end]) { end += 1 }
                    guard end < head.count else { return nil }
                    return String(decoding: head[start..<end], as: UTF8.self)
                }
                index += 1
            }
            return nil
        }

        /// True when the part ends with `</root>` (trailing white space allowed), or is one empty root `<root .../>`.
        var endsWithRootEndTag: Bool {
            guard let root = rootName else { return false }
            var end = tail.count
            while end > 0, " \t\r\n".utf8.contains(tail[end - 1]) { end -= 1 }
            let endTag = Array("</\(root)>".utf8)
            if end >= endTag.count, Array(tail[(end - endTag.count)..<end]) == endTag { return true }
            // An empty root: the whole part is `<?xml ...?><root .../>`.
            guard count <= Self.kept, end >= 2, tail[end - 2] == UInt8(ascii: "/"), tail[end - 1] == UInt8(ascii: ">"),
                let open = head.indices.first(where: {
                    head[$0] == UInt8(ascii: "<") && $0 + 1 < head.count && head[$0 + 1] != UInt8(ascii: "?")
                        && head[$0 + 1] != UInt8(ascii: "!")
                })
            else { return false }
            return !head[(open + 1)..<(end - 2)].contains(UInt8(ascii: ">"))
        }
    }
}

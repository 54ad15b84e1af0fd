import Synchronization

/// A process-wide pool of single-column ``RealFFTWorkspace``s, so repeated transforms of the same length reuse
/// their (page-faulted, SIMD-aligned) buffers instead of allocating 16 bytes per point on every call.
///
/// ``withWorkspace(length:_:)`` lends a workspace for the duration of a closure; concurrent callers get different
/// workspaces. At most ``maximumPooledPerLength`` idle workspaces are kept per length and at most
/// ``maximumPooledBytes`` in all; anything beyond is freed on return. Pooled contents are garbage: callers must
/// `load` before transforming.
public final class FFTWorkspacePool: @unchecked Sendable {
    public static let shared = FFTWorkspacePool()

    public let maximumPooledPerLength = 2
    public let maximumPooledBytes = 256 << 20

    private struct State {
        var idle: [Int: [RealFFTWorkspace]] = [:]
        var bytes = 0
        var order: [Int] = []  // lengths in least-recently-returned order, for eviction
    }
    // The pool's state is only touched while `lock` is held; workspaces are handed to one caller at a time.
    private let lock = Mutex(())
    nonisolated(unsafe) private var pool = State()

    private func withPool<R>(_ body: (inout State) -> R) -> R {
        lock.withLock { _ in body(&pool) }
    }

    /// Run `body` with a workspace of `length` (batch 1) taken from the pool or made anew.
    public func withWorkspace<R>(length: Int, _ body: (RealFFTWorkspace) throws -> R) rethrows -> R {
        let ws = take(length: length)
        defer { give(ws) }
        return try body(ws)
    }

    /// Run `body` with two distinct workspaces of the same length.
    public func withWorkspaces<R>(length: Int, _ body: (RealFFTWorkspace, RealFFTWorkspace) throws -> R) rethrows -> R {
        let a = take(length: length), b = take(length: length)
        defer { give(a); give(b) }
        return try body(a, b)
    }

    private func bytes(_ ws: RealFFTWorkspace) -> Int { ws.columnStride * 8 }

    private func take(length: Int) -> RealFFTWorkspace {
        let pooled: RealFFTWorkspace? = withPool { s in
            guard var list = s.idle[length], let ws = list.popLast() else { return nil }
            s.idle[length] = list.isEmpty ? nil : list
            s.bytes -= ws.columnStride * 8
            return ws
        }
        return pooled ?? RealFFTWorkspace(length: length)
    }

    private func give(_ ws: RealFFTWorkspace) {
        let size = bytes(ws)
        guard size <= maximumPooledBytes else { return }
        // Dropped workspaces are released when the last reference goes, outside the lock.
        let evicted: [RealFFTWorkspace] = withPool { s in
            var dropped: [RealFFTWorkspace] = []
            var list = s.idle[ws.length] ?? []
            if list.count >= maximumPooledPerLength { return [ws] }
            list.append(ws)
            s.idle[ws.length] = list
            s.bytes += size
            s.order.removeAll { $0 == ws.length }
            s.order.append(ws.length)
            while s.bytes > maximumPooledBytes, let oldest = s.order.first {
                if var l = s.idle[oldest], let victim = l.popLast() {
                    s.bytes -= victim.columnStride * 8
                    dropped.append(victim)
                    s.idle[oldest] = l.isEmpty ? nil : l
                    if l.isEmpty { s.order.removeFirst() }
                } else {
                    s.order.removeFirst()
                }
            }
            return dropped
        }
        _ = evicted
    }

    /// Free every pooled workspace.
    public func drain() {
        let all: [RealFFTWorkspace] = withPool { s in
            let a = s.idle.values.flatMap { $0 }
            s = State()
            return a
        }
        _ = all
    }
}

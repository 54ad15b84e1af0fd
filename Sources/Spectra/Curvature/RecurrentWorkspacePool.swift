import Recurrent
import Synchronization

/// Engine workspaces (tape storage) lent to the products of one curvature operator, so that repeated products do
/// not allocate and page-fault their tapes anew (a fresh workspace doubles the cost of a Hessian-vector product
/// of a mid-sized LSTM). Concurrent callers get different workspaces; at most `maximumIdle` idle ones are kept.
final class RecurrentWorkspacePool: @unchecked Sendable {
    let maximumIdle = 4
    // `idle` is only touched while `lock` is held; a workspace is used by one caller at a time.
    private let lock = Mutex(())
    nonisolated(unsafe) private var idle: [RecurrentWorkspace] = []

    /// Run `body` with a workspace taken from the pool or made anew.
    func withWorkspace<R>(_ body: (RecurrentWorkspace) throws -> R) rethrows -> R {
        let pooled: RecurrentWorkspace? = lock.withLock { _ in idle.popLast() }
        let workspace = pooled ?? RecurrentWorkspace()
        defer { lock.withLock { _ in if idle.count < maximumIdle { idle.append(workspace) } } }
        return try body(workspace)
    }
}

import MemoryNumerics

/// The derivative entry points on a task's batch: the batch's own loss (its mask and scale, e.g. the delayed-recall
/// loss that ignores the first k_max steps) is the objective, so it cannot be replaced by the default ½·MSE over
/// every step by accident. These are what ``Trainer`` and ``Training/evaluate(model:task:)`` call; the forms with
/// `inputs:targets:loss:` are for raw data and explicit losses.
extension RecurrentModel {
    /// The task's loss on `batch` (``TaskBatch/loss``) at the current parameters.
    public func loss(on batch: TaskBatch, initialStates: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil)
        throws -> Double
    {
        try loss(
            inputs: batch.inputs, targets: batch.targets, loss: batch.loss, initialStates: initialStates,
            workspace: workspace)
    }

    /// The task's loss on `batch` and its gradient ∂L/∂θ by backpropagation through time.
    public func lossAndGradient(
        on batch: TaskBatch, initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil
    ) throws -> (loss: Double, gradient: [Double]) {
        try lossAndGradient(
            inputs: batch.inputs, targets: batch.targets, loss: batch.loss,
            initialStates: initialStates, workspace: workspace)
    }

    /// As ``lossAndGradient(on:initialStates:workspace:)``, writing ∂L/∂θ into `gradient` (resized to P if needed).
    public func lossAndGradient(
        on batch: TaskBatch, initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil, gradient: inout [Double]
    ) throws -> Double {
        try lossAndGradient(
            inputs: batch.inputs, targets: batch.targets, loss: batch.loss,
            initialStates: initialStates, workspace: workspace, gradient: &gradient)
    }

    /// The exact Hessian-vector product H·v of the task's loss on `batch` (see
    /// ``hessianVectorProduct(inputs:targets:direction:loss:initialStates:workspace:)``).
    public func hessianVectorProduct(
        on batch: TaskBatch, direction: [Double], initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil
    ) throws -> HessianVectorProduct {
        try hessianVectorProduct(
            inputs: batch.inputs, targets: batch.targets, direction: direction,
            loss: batch.loss, initialStates: initialStates, workspace: workspace)
    }

    /// The full Hessian of the task's loss on `batch` (see
    /// ``hessian(inputs:targets:loss:initialStates:maximumParameters:)``).
    public func hessian(on batch: TaskBatch, initialStates: [Matrix]? = nil, maximumParameters: Int = 4096) throws
        -> FullHessian
    {
        try hessian(
            inputs: batch.inputs, targets: batch.targets, loss: batch.loss, initialStates: initialStates,
            maximumParameters: maximumParameters)
    }
}

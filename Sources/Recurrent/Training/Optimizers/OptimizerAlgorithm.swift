/// The algorithm of an ``OptimizerConfiguration``.
public enum OptimizerAlgorithm: String, Sendable, Codable, CaseIterable {
    /// Stochastic gradient descent with optional (Nesterov) momentum and coupled L2 weight decay (``SGD``).
    case sgd
    /// Adam (Kingma & Ba 2015) with coupled L2 weight decay as `torch.optim.Adam` (``Adam``).
    case adam
    /// AdamW: Adam with decoupled weight decay (Loshchilov & Hutter 2019) as `torch.optim.AdamW` (``AdamW``).
    case adamW = "adamw"
}

import ArgumentParser

/// `rnnmem spectrum jacobian|products|gradients|lyapunov|hessian|density`: Jacobian, Lyapunov and loss-curvature
/// spectra of a recurrent network on the user's data (the `Spectra` module).
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Jacobian, Lyapunov and Hessian spectra of a recurrent network on a task or on your data.",
        discussion: """
            Along a trajectory: 'jacobian' (eigenvalues, spectral radius and norm of each step's state Jacobian \
            D_t = ∂s_t/∂s_(t−1)), 'products' (singular values of J_(t,k) = ∂s_t/∂s_k against the lag t − k, from \
            QR-renormalised products, and the bound of Pascanu, Mikolov & Bengio 2013), 'gradients' \
            (‖∂L_t/∂s_(t−ℓ)‖ against ℓ: vanishing or exploding gradients), 'lyapunov' (Lyapunov spectrum by the QR \
            method: of the network driven by its input, or of a random tanh map or rate network). Curvature of the \
            loss: 'hessian' (eigenvalues of the Hessian, Gauss–Newton or empirical Fisher matrix, full or by \
            Lanczos, trace, localisation of the top eigenvectors among the parameter groups, Adam's effective \
            learning rates), 'density' (spectral density by stochastic Lanczos quadrature).

            Networks: --weights FILE (rnnmem, or PyTorch with --pytorch --model rnn|lstm|gru) or a new --model. \
            Data: --task (as 'train', 'eval') or --data FILE (safetensors 'input' [T, B, d_in] and 'target' \
            [T, B, d_out], or CSV). The state s_t is the joint state of all layers (for the LSTM each layer's \
            [h; c]). Every verb has --json (keys in its help), --figures DIR (SVG by gnuplot + the CSV beside it) \
            and --save DIR (NumPy .npy arrays). Seeds: with --seed s a new network comes from s and task data from \
            s + 1 (as 'train'); random frames, perturbations and probe vectors from s + 3; the W_hh of \
            --recurrent-gain from s + 4.
            """,
        subcommands: [
            SpectrumJacobianCommand.self, SpectrumProductsCommand.self, SpectrumGradientsCommand.self,
            SpectrumLyapunovCommand.self, SpectrumHessianCommand.self, SpectrumDensityCommand.self,
        ])
}

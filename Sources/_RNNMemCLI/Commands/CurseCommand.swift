import ArgumentParser

/// `rnnmem curse …`: the curse of memory of recurrent networks (Zucchet & Orvieto 2024, NeurIPS).
struct CurseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curse",
        abstract:
            "The curse of memory: sensitivities of recurrent states to their parameters, landscapes, Hessians, trained students.",
        discussion: """
            As a recurrent network's memory grows, its states become ever more sensitive to its recurrent \
            parameters, even without exploding gradients (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064). For \
            h_t = λh_(t−1) + x_t with input autocorrelation ρ^|Δ|, E[h²] grows like (1 − λ)^−1 but E[(d_λh)²] like \
            (1 − λ)^−3, and (1 − λ)^−4 at ρ = 1; normalisation by γ = √(1 − |λ|²) and the exp (LRU) or optimal \
            parametrisations tame the modulus direction.

            'sensitivity' prints a closed form beside a Monte-Carlo estimate; 'gru' does the same for a \
            constant-gate GRU and measures it on the engine's GRU; 'landscape' writes the one-dimensional \
            teacher–student loss and its curvature (Fig. 1, 6) or a grid with Adam's paths (Fig. 7); 'hessian' \
            analyses the Hessians at the optimum of a dense and a complex-diagonal network (Fig. 4, 9); \
            'propagation' measures activity and gradients of a deep stack at initialisation against memory (Fig. 5); \
            'teacher-student' trains a student on linear-system identification and reports its final loss and \
            Adam's effective learning rates (Fig. 3, 4).
            """,
        subcommands: [
            CurseSensitivityCommand.self, CurseGRUCommand.self, CurseLandscapeCommand.self, CurseHessianCommand.self,
            CursePropagationCommand.self,
            CurseTeacherStudentCommand.self,
        ])
}

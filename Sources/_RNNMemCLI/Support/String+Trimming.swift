extension String {
    /// The string without leading and trailing spaces (the separators of comma-separated argument lists).
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

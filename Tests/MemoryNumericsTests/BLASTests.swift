import Testing
import MemoryNumerics

@Suite("BLAS level 1")
struct BLASTests {
    @Test("dot equals the hand value and throws on a length mismatch instead of trapping")
    func dot() throws {
        #expect(try BLAS.dot([1, 2, 3], [4, -5, 6]) == 12)
        #expect(try BLAS.dot([], []) == 0)
        #expect(throws: NumericsError.self) { try BLAS.dot([1, 2], [1]) }
        #expect(BLAS.norm([3, 4]) == 5)
    }
}

import LagoaColumnar
import LagoaCore
import LagoaParquet
import LagoaTesting
import Testing

/// The corrupt-file corpus `TestData/parquet/bad/` (written by `scripts/fixtures/make_bad_parquet.py`):
/// every file must fail to open or read with exactly the error in ``BadFile/all``, which names the
/// file, and where it applies the row group, column and byte offset, and none may crash, hang or
/// allocate without bound. The file path in the expected text is shown as `bad/NAME.parquet`.
///
/// A file whose current error is wrong or vague still records the error Lagoa *should* give, with
/// `readerBug:` saying what happens instead (the check runs inside `withKnownIssue`, so it starts
/// failing once the reader is fixed: then delete the `readerBug:`). A file that crashes the process,
/// hangs or allocates gigabytes has `disabled:` and its own disabled test below.
@Suite("Corrupt Parquet files")
struct BadFileTests {
    @Test("the error for each corrupt file", arguments: BadFile.all.filter { $0.disabledReason == nil })
    func error(_ file: BadFile) async {
        await Self.check(file)
    }

    @Test("every file in TestData/parquet/bad has an expected error, and every expected error a file")
    func everyFileHasATest() throws {
        let onDisk = Set(try TestPaths.files(in: TestPaths.testData("parquet/bad"), suffix: ".parquet"))
        let listed = BadFile.all.map { $0.name + ".parquet" }
        #expect(Set(listed).count == listed.count, "a file is listed twice in BadFile.all")
        for name in onDisk.subtracting(listed).sorted() {
            Issue.record("TestData/parquet/bad/\(name) has no expected error: add it to BadFile.all")
        }
        for name in Set(listed).subtracting(onDisk).sorted() {
            Issue.record("BadFile.all lists \(name), which is not in TestData/parquet/bad (run scripts/fixtures/make_bad_parquet.py)")
        }
    }

    @Test("every file in TestData/parquet/bad is described in its README")
    func everyFileHasProvenance() async throws {
        let folder = TestPaths.testData("parquet/bad")
        let source = try LocalFileSource(path: folder + "/README.md")
        let bytes = try source.readSync(offset: 0, length: Int(try await source.size()))
        let readme = String(decoding: bytes, as: UTF8.self)
        for name in try TestPaths.files(in: folder, suffix: ".parquet") where !readme.contains("`\(name)`") {
            Issue.record("TestData/parquet/bad/README.md does not describe \(name)")
        }
    }

    /// Reproduces one file, disabled ones included: `LAGOA_BAD_FILE=page_all_null_level_bomb swift test
    /// --filter BadFileTests` (run it alone: a crashing file takes the test process with it).
    @Test("the error for the file named by LAGOA_BAD_FILE", .enabled(if: TestPaths.environment("LAGOA_BAD_FILE") != nil))
    func oneFile() async throws {
        let name = TestPaths.environment("LAGOA_BAD_FILE")!.replacing(".parquet", with: "")
        let file = try #require(BadFile.all.first { $0.name == name }, "no BadFile named \(name)")
        print("\(name): \(await Self.outcome(TestPaths.testData("parquet/bad/\(name).parquet")))")
        await Self.check(file)
    }

    // MARK: Checking

    /// Opens and reads `file`, comparing the outcome with the expected code and message.
    static func check(_ file: BadFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        let actual = await outcome(TestPaths.testData("parquet/bad/\(file.name).parquet"))
        let expected = "\(file.code): \(file.message)"
        if let bug = file.readerBug {
            withKnownIssue("reader bug: \(bug)") {
                #expect(actual == expected, sourceLocation: sourceLocation)
            }
        } else {
            #expect(actual == expected, sourceLocation: sourceLocation)
        }
    }

    /// What opening and reading `path` gives, as `<code>: <singleLine>` with the path shown as
    /// `bad/NAME.parquet`, or a description of a read that succeeded or failed otherwise.
    static func outcome(_ path: String) async -> String {
        let base = TestPaths.testData("parquet/")
        do {
            let reader = try await ParquetFileReader(path: path)
            let batches = try await reader.readAll(ParquetReadOptions())
            let rows = batches.reduce(0) { $0 + $1.rowCount }
            let problems = ColumnValidation.problems(in: batches)
            return "read without error: \(rows) rows" + (problems.isEmpty ? "" : "; malformed: \(problems.joined(separator: "; "))")
        } catch let error as ParquetError {
            return "\(error.code): " + error.singleLine.replacing(base, with: "")
        } catch {
            return "\(type(of: error)): \(error)".replacing(base, with: "")
        }
    }
}

/// One corrupt file and the error Lagoa gives (or should give) for it.
struct BadFile: Sendable, CustomTestStringConvertible {
    /// The file name without `.parquet`.
    let name: String
    let code: ParquetError.Code
    /// The expected ``ParquetError/singleLine``, the path shown as `bad/NAME.parquet`.
    let message: String
    /// Set when Lagoa currently gives another (worse) outcome: what happens instead.
    let readerBug: String?
    /// Set when reading the file crashes, hangs or allocates gigabytes: the test is disabled.
    let disabledReason: String?

    init(_ name: String, _ code: ParquetError.Code, _ message: String, readerBug: String? = nil, disabled: String? = nil) {
        self.name = name
        self.code = code
        self.message = message
        self.readerBug = readerBug
        self.disabledReason = disabled
    }

    var testDescription: String { name }

    static func named(_ name: String) -> BadFile {
        all.first { $0.name == name }!
    }

    /// Every file of `TestData/parquet/bad/`, sorted by name.
    static let all: [BadFile] = [
        BadFile("bad_magic_footer", .corruptFile,
                "corrupt Parquet file: the file does not end with the magic bytes PAR1 (found 50 41 52 45); it may be truncated (file: bad/bad_magic_footer.parquet)"),
        BadFile("bad_magic_header", .corruptFile,
                "corrupt Parquet file: the file does not start with the magic bytes PAR1 (found 50 41 52 30) (file: bad/bad_magic_header.parquet)"),
        BadFile("byte_array_decimal_wider_than_16_bytes", .corruptFile,
                "corrupt Parquet file: DECIMAL value 0 of column 'd' is 17 bytes long; at most 16 fit 38 digits (file: bad/byte_array_decimal_wider_than_16_bytes.parquet, row group: 0, column: d)"),
        BadFile("byte_stream_split_count_bomb", .resourceLimit,
                "data page declares 2147483647 values, more than the 1073741824-byte page limit allows; the file is corrupt or hostile (file: bad/byte_stream_split_count_bomb.parquet, row group: 0, column: d, byte offset: 4)"),
        BadFile("byte_stream_split_too_short", .corruptFile,
                "corrupt Parquet file: BYTE_STREAM_SPLIT data has 20 bytes but 3 values of 8 bytes were expected (file: bad/byte_stream_split_too_short.parquet, row group: 0, column: d, byte offset: 4)"),
        BadFile("codec_brotli", .unsupported,
                "unsupported codec BROTLI (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those codecs, e.g. with pyarrow or DuckDB (file: bad/codec_brotli.parquet, row group: 0, column: a)"),
        BadFile("codec_lz4_hadoop", .unsupported,
                "unsupported codec LZ4 (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those codecs, e.g. with pyarrow or DuckDB (file: bad/codec_lz4_hadoop.parquet, row group: 0, column: a)"),
        BadFile("codec_lzo", .unsupported,
                "unsupported codec LZO (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those codecs, e.g. with pyarrow or DuckDB (file: bad/codec_lzo.parquet, row group: 0, column: a)"),
        BadFile("codec_unknown", .unsupported,
                "unsupported codec with id 42 (Lagoa reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW); rewrite the file with one of those codecs, e.g. with pyarrow or DuckDB (file: bad/codec_unknown.parquet, row group: 0, column: a)"),
        BadFile("column_chunk_fewer_values_than_declared", .corruptFile,
                "corrupt Parquet file: the column chunk ends after 3 of its 5 values (file: bad/column_chunk_fewer_values_than_declared.parquet, row group: 0, column: a, byte offset: 33)"),
        BadFile("column_chunk_negative_num_values", .corruptFile,
                "corrupt Parquet file: column chunk declares -1 values (file: bad/column_chunk_negative_num_values.parquet, row group: 0, column: a)"),
        BadFile("column_chunk_negative_offset", .corruptFile,
                "corrupt Parquet file: column chunk of 29 bytes at offset -8 lies outside the file (128 bytes) (file: bad/column_chunk_negative_offset.parquet, row group: 0, column: a, byte offset: -8)"),
        BadFile("column_chunk_offset_outside_file", .corruptFile,
                "corrupt Parquet file: column chunk of 29 bytes at offset 1000000 lies outside the file (130 bytes) (file: bad/column_chunk_offset_outside_file.parquet, row group: 0, column: a, byte offset: 1000000)"),
        BadFile("column_chunk_size_outside_file", .corruptFile,
                "corrupt Parquet file: column chunk of 100000 bytes at offset 4 lies outside the file (130 bytes) (file: bad/column_chunk_size_outside_file.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("column_chunk_without_meta_data", .unsupported,
                "column chunk has no metadata (encrypted or stored in another file), which Lagoa does not read (file: bad/column_chunk_without_meta_data.parquet, row group: 0, column: a)"),
        BadFile("delta_binary_packed_bit_width_70", .corruptFile,
                "corrupt Parquet file: DELTA_BINARY_PACKED miniblock bit width 70 is larger than 64 (file: bad/delta_binary_packed_bit_width_70.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("delta_binary_packed_block_size_100", .corruptFile,
                "corrupt Parquet file: DELTA_BINARY_PACKED block size 100 is not a positive multiple of 128 up to 1048576 (file: bad/delta_binary_packed_block_size_100.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("delta_binary_packed_count_bomb", .resourceLimit,
                "data page declares 2147483647 values, more than the 1073741824-byte page limit allows; the file is corrupt or hostile (file: bad/delta_binary_packed_count_bomb.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("delta_binary_packed_count_mismatch", .corruptFile,
                "corrupt Parquet file: DELTA_BINARY_PACKED data holds 5 values but the page has 3 non-null values (file: bad/delta_binary_packed_count_mismatch.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("delta_byte_array_prefix_too_long", .corruptFile,
                "corrupt Parquet file: DELTA_BYTE_ARRAY prefix length 5 of value 1 is not within the previous value's 2 bytes (file: bad/delta_byte_array_prefix_too_long.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("delta_length_byte_array_negative_length", .corruptFile,
                "corrupt Parquet file: DELTA_LENGTH_BYTE_ARRAY value 1 has negative length -1 (file: bad/delta_length_byte_array_negative_length.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("dictionary_encoded_boolean", .corruptFile,
                "corrupt Parquet file: BOOLEAN values cannot be dictionary-encoded (file: bad/dictionary_encoded_boolean.parquet, row group: 0, column: b, byte offset: 18)"),
        BadFile("dictionary_index_bit_width_33", .corruptFile,
                "corrupt Parquet file: dictionary index bit width 33 is larger than 32 (file: bad/dictionary_index_bit_width_33.parquet, row group: 0, column: s, byte offset: 28)"),
        BadFile("dictionary_index_out_of_range", .corruptFile,
                "corrupt Parquet file: dictionary index 5 is out of range (dictionary has 2 entries) (file: bad/dictionary_index_out_of_range.parquet, row group: 0, column: s, byte offset: 28)"),
        BadFile("dictionary_index_run_bomb", .resourceLimit,
                "data page declares 2147483647 values, more than the 1073741824-byte page limit allows; the file is corrupt or hostile (file: bad/dictionary_index_run_bomb.parquet, row group: 0, column: a, byte offset: 25)"),
        BadFile("dictionary_page_missing", .corruptFile,
                "corrupt Parquet file: dictionary-encoded data page without a dictionary page (file: bad/dictionary_page_missing.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("dictionary_page_negative_num_values", .corruptFile,
                "corrupt Parquet file: dictionary page declares -2 values (file: bad/dictionary_page_negative_num_values.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("dictionary_page_twice", .corruptFile,
                "corrupt Parquet file: column chunk has a second dictionary page (file: bad/dictionary_page_twice.parquet, row group: 0, column: s, byte offset: 28)"),
        BadFile("dictionary_page_without_header", .corruptFile,
                "corrupt Parquet file: dictionary page without a dictionary_page_header (file: bad/dictionary_page_without_header.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("empty_file", .corruptFile,
                "corrupt Parquet file: the file is 0 bytes long, too short for a Parquet file (at least 12 bytes) (file: bad/empty_file.parquet)"),
        BadFile("footer_garbage_thrift", .corruptFile,
                "corrupt Parquet file: field 7 of FileMetaData has Thrift type i16, expected list at byte 0 of the footer (file: bad/footer_garbage_thrift.parquet, byte offset: 33)"),
        BadFile("footer_invalid_type_nibble", .corruptFile,
                "corrupt Parquet file: invalid Thrift compact type 14 at byte 0 of the footer (file: bad/footer_invalid_type_nibble.parquet, byte offset: 33)"),
        BadFile("footer_length_overlaps_header_magic", .corruptFile,
                "corrupt Parquet file: the footer length 117 overlaps the leading magic bytes (the file is 128 bytes) (file: bad/footer_length_overlaps_header_magic.parquet)"),
        BadFile("footer_length_past_start", .corruptFile,
                "corrupt Parquet file: the footer length 4294967280 is past the start of the file (128 bytes) (file: bad/footer_length_past_start.parquet)"),
        BadFile("footer_length_zero", .corruptFile,
                "corrupt Parquet file: unexpected end of data reading a byte at byte 0 of the footer (0 bytes in all) (file: bad/footer_length_zero.parquet, byte offset: 120)"),
        BadFile("footer_list_2pow31_elements", .corruptFile,
                "corrupt Parquet file: negative list size -2147483648 at byte 3 of the footer (file: bad/footer_list_2pow31_elements.parquet, byte offset: 33)"),
        BadFile("footer_list_2pow31_minus_1_elements", .corruptFile,
                "corrupt Parquet file: list of 2147483647 struct elements cannot fit in the 64 bytes remaining at byte 3 of the footer (file: bad/footer_list_2pow31_minus_1_elements.parquet, byte offset: 33)"),
        BadFile("footer_missing_num_rows", .corruptFile,
                "corrupt Parquet file: required field 'num_rows' missing in FileMetaData starting at byte 0 of the footer (file: bad/footer_missing_num_rows.parquet, byte offset: 33)"),
        BadFile("footer_negative_num_rows", .corruptFile,
                "corrupt Parquet file: the footer declares -1 rows (file: bad/footer_negative_num_rows.parquet, byte offset: 33)"),
        BadFile("footer_thrift_nested_too_deep", .corruptFile,
                "corrupt Parquet file: Thrift data nested deeper than 64 levels at byte 192 of the footer (file: bad/footer_thrift_nested_too_deep.parquet, byte offset: 33)"),
        BadFile("list_element_after_null_list", .corruptFile,
                "corrupt Parquet file: column 'element' has 1 values but its levels place 0; the repetition levels are inconsistent (file: bad/list_element_after_null_list.parquet, row group: 0, column: l)"),
        BadFile("list_struct_leaves_disagree", .corruptFile,
                "corrupt Parquet file: struct 'element' has 3 values but its field 'y' has 4; the leaf columns disagree (file: bad/list_struct_leaves_disagree.parquet, row group: 0, column: l)"),
        BadFile("page_all_null_level_bomb", .resourceLimit,
                "data page declares 2147483647 values, more than the 1073741824-byte page limit allows; the file is corrupt or hostile (file: bad/page_all_null_level_bomb.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_compressed_size_past_chunk", .corruptFile,
                "corrupt Parquet file: page of 1000 bytes runs past the end of the column chunk (12 bytes left) (file: bad/page_compressed_size_past_chunk.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_data_without_data_page_header", .corruptFile,
                "corrupt Parquet file: data page without a data_page_header (file: bad/page_data_without_data_page_header.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_definition_level_too_large", .corruptFile,
                "corrupt Parquet file: definition levels: level 3 is larger than the maximum level 2 (file: bad/page_definition_level_too_large.parquet, row group: 0, column: s.x, byte offset: 4)"),
        BadFile("page_definition_level_wider_than_bit_width", .corruptFile,
                "corrupt Parquet file: definition levels: RLE run value 2 at byte 1 does not fit in bit width 1 (file: bad/page_definition_level_wider_than_bit_width.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_encoding_unsupported_for_type", .unsupported,
                "encoding DELTA_LENGTH_BYTE_ARRAY is not supported for INT32 values (file: bad/page_encoding_unsupported_for_type.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_gzip_inflates_past_header", .corruptFile,
                "corrupt Parquet file: cannot decompress gzip page: GZIP data decompresses to more than the 12 bytes the header says (file: bad/page_gzip_inflates_past_header.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_gzip_truncated", .corruptFile,
                "corrupt Parquet file: cannot decompress gzip page: GZIP data ends early (truncated stream) (file: bad/page_gzip_truncated.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_header_garbage", .corruptFile,
                "corrupt Parquet file: invalid Thrift compact type 15 at byte 0 of page header (file: bad/page_header_garbage.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_header_missing_compressed_size", .corruptFile,
                "corrupt Parquet file: required field 'compressed_page_size' missing in PageHeader starting at byte 0 of page header (file: bad/page_header_missing_compressed_size.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_level_encoding_invalid", .corruptFile,
                "corrupt Parquet file: definition levels use encoding PLAIN, which is not valid for levels (RLE or BIT_PACKED) (file: bad/page_level_encoding_invalid.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_levels_length_past_page", .corruptFile,
                "corrupt Parquet file: RLE/bit-packed hybrid length 1000 at byte 0 runs past the end of the data (18 bytes) (file: bad/page_levels_length_past_page.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_more_values_than_chunk", .corruptFile,
                "corrupt Parquet file: data page declares 10 values but the column chunk has only 3 left (file: bad/page_more_values_than_chunk.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_negative_num_values", .corruptFile,
                "corrupt Parquet file: data page declares a negative number of values (-1) (file: bad/page_negative_num_values.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_negative_size", .corruptFile,
                "corrupt Parquet file: page header has negative sizes (-12 compressed, 12 uncompressed) (file: bad/page_negative_size.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_plain_int32_too_short", .corruptFile,
                "corrupt Parquet file: PLAIN data has 8 bytes, too few for 3 values of 4 bytes (file: bad/page_plain_int32_too_short.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_repetition_level_first_not_zero", .corruptFile,
                "corrupt Parquet file: the first repetition level of the column chunk is 1, expected 0 (file: bad/page_repetition_level_first_not_zero.parquet, row group: 0, column: l.list.element, byte offset: 4)"),
        BadFile("page_snappy_garbage", .corruptFile,
                "corrupt Parquet file: cannot decompress snappy page: invalid SNAPPY data (bad length header) (file: bad/page_snappy_garbage.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_uncompressed_1gib", .corruptFile,
                "corrupt Parquet file: cannot decompress gzip page: GZIP data decompresses to 12 bytes, header says 1073741824 (file: bad/page_uncompressed_1gib.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_uncompressed_2gib", .resourceLimit,
                "page claims 2147483647 uncompressed bytes, more than the limit of 1073741824; the file is corrupt or was written with huge pages (file: bad/page_uncompressed_2gib.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_uncompressed_size_mismatch", .corruptFile,
                "corrupt Parquet file: uncompressed page holds 12 bytes, its header says 16 (file: bad/page_uncompressed_size_mismatch.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_unknown_type_only", .corruptFile,
                "corrupt Parquet file: the column chunk ends after 0 of its 3 values (file: bad/page_unknown_type_only.parquet, row group: 0, column: a, byte offset: 23)"),
        BadFile("page_v2_level_lengths_past_page", .corruptFile,
                "corrupt Parquet file: data page v2 level lengths (0 + 100 bytes) exceed the page (14 bytes) (file: bad/page_v2_level_lengths_past_page.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("page_zstd_garbage", .corruptFile,
                "corrupt Parquet file: cannot decompress zstd page: invalid ZSTD data: Unknown frame descriptor (file: bad/page_zstd_garbage.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("plain_byte_array_length_past_end", .corruptFile,
                "corrupt Parquet file: PLAIN BYTE_ARRAY value length 1000 at byte 6 runs past the end of the page (14 bytes) (file: bad/plain_byte_array_length_past_end.parquet, row group: 0, column: s, byte offset: 4)"),
        BadFile("plain_int64_count_bomb", .resourceLimit,
                "data page declares 2147483647 values, more than the 1073741824-byte page limit allows; the file is corrupt or hostile (file: bad/plain_int64_count_bomb.parquet, row group: 0, column: a, byte offset: 4)"),
        BadFile("row_group_missing_column_chunk", .corruptFile,
                "corrupt Parquet file: row group 0 has 1 column chunks but the schema has 2 leaf columns (file: bad/row_group_missing_column_chunk.parquet, byte offset: 33)"),
        BadFile("row_group_negative_num_rows", .corruptFile,
                "corrupt Parquet file: row group 0 declares -3 rows (file: bad/row_group_negative_num_rows.parquet, byte offset: 33)"),
        BadFile("row_group_num_rows_mismatch", .corruptFile,
                "corrupt Parquet file: column 'a' holds 3 rows but the row group declares 5 (file: bad/row_group_num_rows_mismatch.parquet, row group: 0, column: a)"),
        BadFile("row_group_struct_children_disagree", .corruptFile,
                "corrupt Parquet file: struct 's' has 3 values but its field 'y' has 2; the leaf columns disagree (file: bad/row_group_struct_children_disagree.parquet, row group: 0, column: s)"),
        BadFile("schema_decimal_fixed_len_byte_array_negative_length", .corruptFile,
                "corrupt Parquet file: DECIMAL column 'd' is a FIXED_LEN_BYTE_ARRAY with type_length -64; it must be at least 1 (file: bad/schema_decimal_fixed_len_byte_array_negative_length.parquet, byte offset: 29)"),
        BadFile("schema_decimal_precision_39", .unsupported,
                "DECIMAL column 'd' has precision 39; Lagoa reads decimals of up to 38 digits (file: bad/schema_decimal_precision_39.parquet, byte offset: 38)"),
        BadFile("schema_decimal_precision_zero", .corruptFile,
                "corrupt Parquet file: DECIMAL column 'd' has invalid precision 0 and scale 0 (file: bad/schema_decimal_precision_zero.parquet, byte offset: 33)"),
        BadFile("schema_empty", .corruptFile,
                "corrupt Parquet file: the schema has no root element (file: bad/schema_empty.parquet, byte offset: 33)"),
        BadFile("schema_fixed_len_byte_array_huge_length", .resourceLimit,
                "FIXED_LEN_BYTE_ARRAY column 'f' has type_length 2147483647, more than Lagoa's limit of 16 MiB per value (file: bad/schema_fixed_len_byte_array_huge_length.parquet, byte offset: 30)"),
        BadFile("schema_fixed_len_byte_array_negative_length", .corruptFile,
                "corrupt Parquet file: FIXED_LEN_BYTE_ARRAY column 'f' has type_length -4; it must be at least 1 (file: bad/schema_fixed_len_byte_array_negative_length.parquet, byte offset: 29)"),
        BadFile("schema_fixed_len_byte_array_zero_length", .corruptFile,
                "corrupt Parquet file: FIXED_LEN_BYTE_ARRAY column 'f' has type_length 0; it must be at least 1 (file: bad/schema_fixed_len_byte_array_zero_length.parquet, byte offset: 21)"),
        BadFile("schema_group_children_past_end", .corruptFile,
                "corrupt Parquet file: schema element 's' claims 4 children but only 1 elements follow (file: bad/schema_group_children_past_end.parquet, byte offset: 35)"),
        BadFile("schema_group_without_children", .corruptFile,
                "corrupt Parquet file: schema group 'g' has no children (file: bad/schema_group_without_children.parquet, byte offset: 33)"),
        BadFile("schema_leaf_without_type", .corruptFile,
                "corrupt Parquet file: schema element 'a' has neither a type nor children (file: bad/schema_leaf_without_type.parquet, byte offset: 33)"),
        BadFile("schema_list_without_repeated_child", .corruptFile,
                "corrupt Parquet file: LIST group 'l' must have exactly one repeated child (file: bad/schema_list_without_repeated_child.parquet, byte offset: 49)"),
        BadFile("schema_map_without_key_value", .corruptFile,
                "corrupt Parquet file: MAP group 'm' must have one repeated key_value group with a key and a value (file: bad/schema_map_without_key_value.parquet, byte offset: 91)"),
        BadFile("schema_nested_100_levels", .corruptFile,
                "corrupt Parquet file: the schema is nested deeper than 64 levels (file: bad/schema_nested_100_levels.parquet, byte offset: 31)"),
        BadFile("schema_root_children_past_end", .corruptFile,
                "corrupt Parquet file: the schema root claims 3 children but the schema has 2 elements (file: bad/schema_root_children_past_end.parquet, byte offset: 33)"),
        BadFile("schema_unknown_physical_type", .corruptFile,
                "corrupt Parquet file: leaf column 'a' has unknown physical type 9 (file: bad/schema_unknown_physical_type.parquet, byte offset: 33)"),
        BadFile("schema_unreachable_elements", .corruptFile,
                "corrupt Parquet file: the schema has 1 elements not reachable from the root (file: bad/schema_unreachable_elements.parquet, byte offset: 74)"),
        BadFile("shorter_than_12_bytes", .corruptFile,
                "corrupt Parquet file: the file is 8 bytes long, too short for a Parquet file (at least 12 bytes) (file: bad/shorter_than_12_bytes.parquet)"),
        BadFile("truncated_half", .corruptFile,
                "corrupt Parquet file: the file does not end with the magic bytes PAR1 (found 15 04 25 00); it may be truncated (file: bad/truncated_half.parquet)"),
    ]
}

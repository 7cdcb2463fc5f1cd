package io.archmeter.spark;

import io.archmeter.io.ByteRangeSplitter;
import io.archmeter.io.ByteRangeSplitter.BlockSummary;
import io.archmeter.io.ByteRangeSplitter.ByteRange;
import io.archmeter.io.CsvInput;
import io.archmeter.io.CsvRangeReader;
import io.archmeter.io.MalformedCsvException;
import io.archmeter.io.Utf8PassThrough;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads candidate CSVs from any Hadoop path (files, directories, globs; gzip data, told by its first bytes, whole) into a
 * {@code Dataset<Row>} of string columns named by the header, with each row's file and the line it
 * starts on, cut into partitions by {@link ByteRangeSplitter}: exact where Spark's own reader is
 * not (a quoted field with line breaks is never split, and a file with such fields is still
 * split), in the filter's input format, with the filter's line numbers.
 *
 * <pre>
 *  phase 1  one task per block of blockBytes: ByteRangeSplitter.summarize   (reads the block once)
 *  phase 2  the driver chains the summaries of each file: ByteRangeSplitter.ranges
 *  phase 3  one partition per range: CsvRangeReader → rows (cells…, line, file)
 * </pre>
 *
 * Every file must have the same header (the first file's). Partitions follow the files and their
 * ranges in order, so writing the result keeps the input order across part files.
 */
public final class SparkCsv {
    /** The column holding each row's line (as the filter's rejects number it). */
    public static final String LINE = "__archmeter_line";
    /** The column holding each row's file. */
    public static final String FILE = "__archmeter_file";
    /** Default block size: Spark's usual 128 MB partitions, halved so that a file of a few blocks still spreads. */
    public static final long DEFAULT_BLOCK_BYTES = 64L << 20;

    private SparkCsv() {
    }

    /** Reads {@code paths} with blocks of {@link #DEFAULT_BLOCK_BYTES}. */
    public static Dataset<Row> read(SparkSession spark, List<String> paths) throws IOException {
        return read(spark, files(spark, paths), DEFAULT_BLOCK_BYTES);
    }

    /**
     * The files {@code paths} name (files, directories of files, globs; names starting with {@code _}
     * or {@code .} inside a directory are skipped, as by Spark), in order.
     *
     * @throws java.io.FileNotFoundException if a path matches no file
     */
    public static List<FileStatus> files(SparkSession spark, List<String> paths) throws IOException {
        return list(paths, spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Reads {@code files} (see {@link #files}), cut into blocks of about {@code blockBytes}.
     *
     * @throws MalformedCsvException if the first file has no header (other files' headers are checked by their tasks)
     * @throws IOException           if a file cannot be read
     */
    public static Dataset<Row> read(SparkSession spark, List<FileStatus> files, long blockBytes) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        HadoopByteSource.Conf shipped = new HadoopByteSource.Conf(conf);
        String[] header = readHeader(files.get(0), conf);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<RangeTask> tasks = plan(jsc, files, blockBytes, shipped);
        JavaRDD<Row> rows = jsc.parallelize(tasks, Math.max(1, tasks.size()))
                .flatMap(t -> t.rows(header, shipped));
        StructType schema = new StructType();
        for (String h : header) {
            schema = schema.add(h, DataTypes.StringType, false);
        }
        schema = schema.add(LINE, DataTypes.LongType, false).add(FILE, DataTypes.StringType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static List<FileStatus> list(List<String> paths, Configuration conf) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (String path : paths) {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(p);
            if (matched == null || matched.length == 0) {
                throw new java.io.FileNotFoundException("cannot read " + path + ": no such file");
            }
            for (FileStatus st : matched) {
                if (st.isDirectory()) {
                    FileStatus[] inside = fs.listStatus(st.getPath());
                    Arrays.sort(inside, Comparator.comparing(s -> s.getPath().getName()));
                    for (FileStatus f : inside) {
                        String name = f.getPath().getName();
                        if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                            files.add(f);
                        }
                    }
                } else {
                    files.add(st);
                }
            }
        }
        if (files.isEmpty()) {
            throw new java.io.FileNotFoundException("no file in " + String.join(", ", paths));
        }
        return files;
    }

    private static String[] readHeader(FileStatus file, Configuration conf) throws IOException {
        String path = file.getPath().toString();
        try (HadoopByteSource src = HadoopByteSource.open(path, conf);
             CsvRangeReader r = CsvRangeReader.open(reader(src, path, 0, src.size()), new ByteRange(0, 0, src.size(), 0), null)) {
            return r.header();
        } catch (MalformedCsvException e) {
            throw inFile(e, path);
        }
    }

    /** The same problem, naming the file: {@code line 7: (hdfs:///c/a.csv) 4 fields, but the header has 3 (...)}. */
    static MalformedCsvException inFile(MalformedCsvException e, String path) {
        String m = e.getMessage();
        String prefix = "line " + e.line() + ": ";
        return new MalformedCsvException(e.line(), "(" + path + ") " + (m.startsWith(prefix) ? m.substring(prefix.length()) : m), e);
    }

    /** Phases 1 and 2: the ranges of every file (a gzip file, or a file of one block, is one range). */
    private static List<RangeTask> plan(JavaSparkContext jsc, List<FileStatus> files, long blockBytes, HadoopByteSource.Conf conf) {
        List<BlockTask> blocks = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            FileStatus st = files.get(f);
            String path = st.getPath().toString();
            if (st.getLen() > blockBytes && !isGzip(path, conf)) {
                for (long[] b : ByteRangeSplitter.nominalBlocks(st.getLen(), blockBytes)) {
                    blocks.add(new BlockTask(f, path, b[0], b[1]));
                }
            }
        }
        List<BlockSummary> summaries = blocks.isEmpty() ? List.of()
                : jsc.parallelize(blocks, blocks.size()).map(b -> b.summarize(conf)).collect();
        List<RangeTask> ranges = new ArrayList<>();
        int k = 0;
        for (int f = 0; f < files.size(); f++) {
            FileStatus st = files.get(f);
            String path = st.getPath().toString();
            List<BlockSummary> mine = new ArrayList<>();
            while (k < blocks.size() && blocks.get(k).file == f) {
                mine.add(summaries.get(k++));
            }
            List<ByteRange> fileRanges = mine.isEmpty() ? List.of(new ByteRange(0, 0, st.getLen(), 0)) : ByteRangeSplitter.ranges(mine);
            for (ByteRange r : fileRanges) {
                ranges.add(new RangeTask(path, r));
            }
        }
        return ranges;
    }

    /** Gzip data is told by its first bytes, as {@code archmeter filter} tells it, whatever the file's name. */
    private static boolean isGzip(String path, HadoopByteSource.Conf conf) {
        try (HadoopByteSource src = HadoopByteSource.open(path, conf.get())) {
            return CsvInput.isGzip(src);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The characters of a range, decoded as the filter decodes its input ({@link CsvInput}): a whole
     * file may be gzip data (told by its first bytes); a range of a plain file is UTF-8 with invalid bytes kept.
     */
    private static Reader reader(HadoopByteSource src, String path, long start, long end) throws IOException {
        if (start == 0 && end == src.size()) {
            return CsvInput.decode(src.stream(), path);
        }
        return Utf8PassThrough.reader(src.open(start, end));
    }

    /** Phase 1 work: one nominal block of one file. */
    private record BlockTask(int file, String path, long from, long to) implements Serializable {
        BlockSummary summarize(HadoopByteSource.Conf conf) throws IOException {
            try (HadoopByteSource src = HadoopByteSource.open(path, conf.get())) {
                return ByteRangeSplitter.summarize(src, from, to);
            }
        }
    }

    /** Phase 3 work: one range of one file, read lazily into rows. */
    private record RangeTask(String path, ByteRange range) implements Serializable {
        Iterator<Row> rows(String[] header, HadoopByteSource.Conf conf) throws IOException {
            HadoopByteSource src = HadoopByteSource.open(path, conf.get());
            try {
                CsvRangeReader reader = CsvRangeReader.open(SparkCsv.reader(src, path, range.start(), range.end()), range, header);
                return new RangeRows(reader, src, path);
            } catch (MalformedCsvException e) {
                src.close();
                throw inFile(e, path);
            } catch (IOException | RuntimeException e) {
                src.close();
                throw e;
            }
        }
    }

    /** The rows of one range: cells, then line and file; closes the file at the end. */
    private static final class RangeRows implements Iterator<Row> {
        private final CsvRangeReader reader;
        private final HadoopByteSource source;
        private final String path;
        private Row next;
        private boolean done;

        RangeRows(CsvRangeReader reader, HadoopByteSource source, String path) {
            this.reader = reader;
            this.source = source;
            this.path = path;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                advance();
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }

        private void advance() {
            try {
                String[] cells = reader.next();
                if (cells == null) {
                    done = true;
                    reader.close();
                    source.close();
                    return;
                }
                Object[] v = Arrays.copyOf(cells, cells.length + 2, Object[].class);
                v[cells.length] = reader.startLine();
                v[cells.length + 1] = path;
                next = RowFactory.create(v);
            } catch (MalformedCsvException e) {
                throw new UncheckedIOException(inFile(e, path));
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
        }
    }
}

package io.archmeter.spark;

import io.archmeter.io.ByteSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A file of any Hadoop file system (hdfs, s3a, gs, abfs, file…) as a {@link ByteSource}: positioned reads. */
final class HadoopByteSource implements ByteSource, Closeable {
    private final FSDataInputStream in;
    private final long size;

    private HadoopByteSource(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    static HadoopByteSource open(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        long size = fs.getFileStatus(p).getLen();
        return new HadoopByteSource(fs.open(p), size);
    }

    /** The stream, for a reader that decompresses the whole file. */
    FSDataInputStream stream() {
        return in;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] buf, int off, int len) throws IOException {
        if (position >= size) {
            return -1;
        }
        return in.read(position, buf, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The driver's Hadoop configuration, shipped to the tasks (Hadoop's own class is not serializable). */
    static final class Conf implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> entries = new HashMap<>();

        Conf(Configuration conf) {
            conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
        }

        Configuration get() {
            Configuration c = new Configuration(false);
            entries.forEach(c::set);
            return c;
        }
    }
}

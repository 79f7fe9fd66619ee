package vn.smsgw.gateway.smpp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link MoCrashTest} kills: the MO path (dispatch on SQLite in {@code args[0]}, two binds to the
 * simulator on port {@code args[1]}); prints {@code READY} once bound, then runs until killed.
 */
public final class MoGatewayChild {

    private MoGatewayChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        MoGateway gateway = MoGateway.start(Path.of(args[0]),
                MoGateway.smsc(Integer.parseInt(args[1])).binds(2).build());
        gateway.awaitBound(2);
        out.println("READY");
        Thread.currentThread().join();
    }
}

package com.ms5.floor.app.persistence;

import com.ms5.floor.app.base.Messages;
import com.ms5.floor.app.base.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** The shared database's password: from a file only its owner can read, else from an environment variable. */
final class DatabasePassword {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private DatabasePassword() {
    }

    /** The password, or {@code null} if none is configured. */
    static String read(AppConfig config) throws IOException {
        Path file = config.dbPasswordFile();
        if (file == null) {
            return System.getenv(config.dbPasswordEnv());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(Messages.format("db.passwordFileMissing", file));
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IOException(Messages.format("db.passwordFileOpen", file, PosixFilePermissions.toString(permissions), file));
            }
        }
        return Files.readString(file).strip();
    }

    /**
     * The embedded server's own password, generated on its first start and kept in {@code file},
     * readable by its owner only: the server asks every connection for it (scram-sha-256), so
     * another local user cannot log in as its superuser.
     */
    static String embedded(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
        }
        Files.writeString(file, password);
        return password;
    }
}

package com.ms5.floor.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared database's password file must be its owner's secret. */
class DatabasePasswordTest {
    @TempDir
    Path home;

    @Test
    void aPasswordFileOnlyItsOwnerCanReadIsUsed() throws Exception {
        Path secret = Files.writeString(home.resolve("db.secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        assertThat(DatabasePassword.read(config("db.passwordFile=db.secret"))).isEqualTo("s3cret");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path secret = Files.writeString(home.resolve("db.secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> DatabasePassword.read(config("db.passwordFile=db.secret")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("can be read by other users (rw-r--r--)")
                .hasMessageContaining("chmod 600 " + secret);
    }

    @Test
    void aMissingPasswordFileIsNamed() throws Exception {
        assertThatThrownBy(() -> DatabasePassword.read(config("db.passwordFile=nowhere.secret")))
                .hasMessageContaining(home.resolve("nowhere.secret") + " (db.passwordFile) does not exist");
    }

    private AppConfig config(String line) throws Exception {
        Path file = Files.writeString(home.resolve("ms5.properties"), "db.url=jdbc:postgresql://db:5432/ms5\n" + line + "\n");
        return AppConfig.load(new AppDirectories(home), file);
    }
}

package com.ms5.floor.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ms5.floor.app.base.AppConfig;
import com.ms5.floor.app.base.AppDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station reaches a shared server over TLS (README, "Stations and the shared database"): a real
 * PostgreSQL with a self-signed certificate, `db.sslMode=verify-full` and `db.sslRootCert` naming it.
 * Without the certificate to check against, the station refuses the server and says what to set.
 */
class SharedServerTlsTest {
    @TempDir
    Path dir;

    @Test
    void aStationTalksTlsToTheSharedServerAndChecksItsCertificate() throws Exception {
        Path key = dir.resolve("server.key");
        Path certificate = dir.resolve("server.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl made the server's certificate").isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------")); // PostgreSQL insists

        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.toString()).setServerConfig("ssl_key_file", key.toString())
                .start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            try (Database db = Database.open(config("station-a", url, "db.sslRootCert=../server.crt"));
                 Connection c = db.dataSource().getConnection();
                 ResultSet tls = c.createStatement().executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                tls.next();
                assertThat(tls.getBoolean(1)).as("the session is encrypted").isTrue();
                assertThat(tls.getString(2)).startsWith("TLSv1.");
            }
            assertThatThrownBy(() -> Database.open(config("station-b", url)).close()).isInstanceOf(IOException.class)
                    .hasMessageContaining("root.crt").hasMessageContaining("db.sslRootCert names the certificate");
        }
    }

    private AppConfig config(String station, String url, String... more) throws IOException {
        Path home = Files.createDirectories(dir.resolve(station));
        List<String> settings = new java.util.ArrayList<>(List.of("db.url=" + url, "db.user=postgres", "db.sslMode=verify-full",
                "station.name=" + station));
        settings.addAll(List.of(more));
        Path file = Files.write(home.resolve("ms5.properties"), settings);
        return AppConfig.load(new AppDirectories(home), file);
    }
}

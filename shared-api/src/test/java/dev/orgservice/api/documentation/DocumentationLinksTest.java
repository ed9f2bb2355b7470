package dev.orgservice.api.documentation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the repository's Markdown (README, docs, module READMEs) points to a file that exists
 * and, where it names a heading ({@code file.md#heading}), to a heading that exists. The docs link to each other's
 * sections by their GitHub anchors, which change whenever a heading is reworded. It runs here because this module
 * is built first and the check takes milliseconds; it reads the repository from the module's parent directory.
 */
class DocumentationLinksTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> NOT_DOCUMENTATION = Set.of("target", ".git", ".mvn", ".local-data", "node_modules");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern FENCED_CODE = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    @Test
    void everyRelativeLinkFindsItsFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : markdownFiles()) {
            String text = withoutCode(document);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // https:, mailto: ... are not this repository's
                }
                checked++;
                String problem = problemOf(document, target);
                if (problem != null) {
                    broken.add(REPOSITORY.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(checked).as("relative links found in the repository's Markdown").isGreaterThan(100);
        assertThat(broken).as("links whose file or heading does not exist").isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchorsOf("# Benchmarks\n## Targets at a glance\n### Ninth run (2026-11-26, 12:34-14:10 UTC)\n"
                + "## `minPosition`: read your writes\n## Targets at a glance\n"))
                .containsExactlyInAnyOrder("benchmarks", "targets-at-a-glance", "ninth-run-2026-11-26-1234-1410-utc",
                        "minposition-read-your-writes", "targets-at-a-glance-1");
    }

    private String problemOf(Path document, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash < 0 || !resolved.toString().endsWith(".md")) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        if (!anchorsByFile.containsKey(resolved)) {
            anchorsByFile.put(resolved, anchorsOf(withoutCode(resolved)));
        }
        return anchorsByFile.get(resolved).contains(anchor) ? null : "no such heading";
    }

    /** Code blocks hold examples, not links or headings. */
    private static String withoutCode(Path document) throws IOException {
        return FENCED_CODE.matcher(Files.readString(document)).replaceAll("");
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, a repeated one numbered from -1. */
    static Set<String> anchorsOf(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{Nd}_\\- ]", "").replace(' ', '-');
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        return anchors;
    }

    /** The Markdown files, without walking into build output, Git's store or a local run's data. */
    private static List<Path> markdownFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return NOT_DOCUMENTATION.contains(directory.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}

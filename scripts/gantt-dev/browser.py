"""One headless Chromium page for the measuring scripts, driven by Playwright for Java.

Starts playwright/PageDriver.java (Playwright at the version the browser tests use; Maven gives its
class path, from the local repository when it has the jars) and talks to it over a pipe, one JSON
command and one JSON answer a line. The browser is Debian's Chromium (or CHROMIUM), 1400 x 900.
Used by gantt-measure.py, board-measure.py and trace-scroll.py.
"""
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "playwright")


def class_path():
    with tempfile.TemporaryDirectory() as work:
        output = os.path.join(work, "class-path")
        maven = ["mvn", "-q", "-B", "-f", os.path.join(DRIVER, "pom.xml"),
                 "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath",
                 f"-Dmdep.outputFile={output}"]
        # Offline first: the jars are there wherever the tests have run once.
        if subprocess.run(maven + ["-o"], stdout=subprocess.DEVNULL).returncode != 0:
            subprocess.run(maven, stdout=subprocess.DEVNULL, check=True)
        with open(output) as file:
            return file.read().strip()


class Browser:
    def __init__(self, chromium=None):
        environment = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
        self.process = subprocess.Popen(
            ["java", "-cp", class_path(), os.path.join(DRIVER, "PageDriver.java"),
             chromium or os.environ.get("CHROMIUM", "/usr/bin/chromium")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=environment)

    def _send(self, command, **arguments):
        self.process.stdin.write(json.dumps({"command": command, **arguments}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"{command}: the page driver stopped (exit {self.process.wait()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"{command}: {answer['error']}")
        return answer.get("value")

    def navigate(self, url, ready_expression="true", timeout=30):
        """Opens url and waits until the JavaScript ready_expression is true."""
        self._send("navigate", url=url, ready=ready_expression, timeoutSeconds=timeout)

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page; a promise is awaited."""
        return self._send("evaluate", expression=expression)

    def screenshot(self, path):
        self._send("screenshot", path=path)

    def start_tracing(self, categories, path):
        """Records a Chromium trace of the page into path (JSON) until stop_tracing()."""
        self._send("startTracing", categories=",".join(categories), path=path)

    def stop_tracing(self):
        self._send("stopTracing")

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

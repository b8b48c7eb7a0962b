package org.openchallenge.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives the running application's webapps in headless Chromium: a fresh browser per test, and a
 * screenshot, the page and the console saved under the test's name when it ends (see {@link Browser#screenshot}).
 */
public abstract class BrowserTest {

  @LocalServerPort
  protected int port;

  protected Browser browser;
  private String testName;

  @BeforeEach
  void openBrowser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.screenshot(testName);
      browser.close();
    }
  }
}

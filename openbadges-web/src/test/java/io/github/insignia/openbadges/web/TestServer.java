package io.github.insignia.openbadges.web;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty on a loopback port with one servlet context, for the tests that need a real server. */
record TestServer(Server server, ServletContextHandler context, int port) implements AutoCloseable {
  static TestServer start(String contextPath) throws Exception {
    return start(contextPath, new Server());
  }

  /** On a server of the caller's (its thread pool, say). */
  static TestServer start(String contextPath, Server server) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(contextPath);
    server.setHandler(context);
    server.start();
    return new TestServer(server, context, connector.getLocalPort());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

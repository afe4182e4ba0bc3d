package org.automations.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.DefinitionReader;
import org.automations.web.admin.FlowDiagram.Edge;
import org.automations.web.admin.FlowDiagram.FlowEdge;
import org.automations.web.admin.FlowDiagram.FlowNode;
import org.automations.web.admin.FlowDiagram.Trace;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FlowDiagramTest {

    private final AutomationDefinition definition = DefinitionReader.read(DiagramSample.class);
    private final List<FlowNode> nodes = FlowDiagram.nodesOf(definition, new DiagramSample());

    @Test
    void readsEveryKindOfEdgeFromTheNodes() {
        assertThat(nodes).extracting(FlowNode::name).containsExactly(
                "start", "count", "enough", "loop", "parallel", "left", "right", "recover", "join", "check", "fix", "end");
        assertThat(nodes).extracting(FlowNode::kind).containsExactly(
                "Execute", "Execute", "If", "Repeat", "Split", "Execute", "Execute", "Execute", "Join", "If", "Execute", "End");
        assertThat(edges("start")).containsExactly(new FlowEdge("count", ""));
        assertThat(edges("enough")).containsExactly(new FlowEdge("parallel", "then"), new FlowEdge("loop", "otherwise"));
        assertThat(edges("loop")).containsExactly(new FlowEdge("count", "repeat"));
        assertThat(edges("parallel")).containsExactly(new FlowEdge("left", "path"), new FlowEdge("right", "path"));
        assertThat(edges("right")).containsExactly(new FlowEdge("join", ""), new FlowEdge("recover", "onError"));
        assertThat(edges("check")).containsExactly(new FlowEdge("end", "then"), new FlowEdge("fix", "otherwise"));
        assertThat(edges("end")).isEmpty();
    }

    @Test
    void drawsAWellFormedSvgWithEveryNodeAndEdge() throws Exception {
        Document svg = parse(FlowDiagram.svg(nodes, Set.of(), Set.of()));

        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(count(svg, "//*[local-name()='g' and contains(@class,'node')]")).isEqualTo(12);
        assertThat(count(svg, "//*[local-name()='g' and contains(@class,'edge')]")).isEqualTo(15);
        assertThat(count(svg, "//*[local-name()='g' and contains(@class,'edge') and @data-from='loop' and @data-to='count']")).isEqualTo(1);
        assertThat(count(svg, "//*[@class='node visited' or @class='edge taken']")).isZero();
    }

    @Test
    void highlightsThePathTheInstanceTook() throws Exception {
        Trace trace = new Trace(Set.of("start", "count", "enough", "loop"),
                Set.of(new Edge("start", "count"), new Edge("count", "enough"), new Edge("enough", "loop"), new Edge("loop", "count")),
                Set.of("parallel"), Set.of("loop"));

        Document svg = parse(FlowDiagram.svg(nodes, trace));

        assertThat(attribute(svg, "//*[@data-node='start']/@class")).isEqualTo("node visited");
        assertThat(attribute(svg, "//*[@data-node='parallel']/@class")).isEqualTo("node open");
        assertThat(attribute(svg, "//*[@data-node='loop']/@class")).isEqualTo("node failed");
        assertThat(attribute(svg, "//*[@data-node='end']/@class")).isEqualTo("node unvisited");
        assertThat(attribute(svg, "//*[@data-from='loop' and @data-to='count']/@class")).isEqualTo("edge taken");
        assertThat(attribute(svg, "//*[@data-from='enough' and @data-to='parallel']/@class")).isEqualTo("edge");
        assertThat(count(svg, "//*[contains(@class,'taken')]")).isEqualTo(4);
    }

    @Test
    void escapesAllText() throws Exception {
        List<FlowNode> hostile = List.of(
                new FlowNode("a<b>&\"c'", "Kind<i>", "<script>alert(1)</script>", List.of(new FlowEdge("z", "x<y"))),
                new FlowNode("z", "End", "", List.of()));

        String markup = FlowDiagram.svg(hostile, Set.of("a<b>&\"c'"), Set.of(new Edge("a<b>&\"c'", "z")));

        assertThat(markup).doesNotContain("<script>", "<b>", "<i>", "x<y")
                .contains("a&lt;b&gt;&amp;&quot;c&#39;", "&lt;script&gt;", "x&lt;y");
        Document svg = parse(markup);
        assertThat(attribute(svg, "//*[contains(@class,'node visited')]/@data-node")).isEqualTo("a<b>&\"c'");
        assertThat(count(svg, "//*[contains(@class,'edge taken')]")).isEqualTo(1);
        assertThat(FlowDiagram.svg(definition, new DiagramSample(), Trace.NONE))
                .contains("Begin &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; go")
                .doesNotContain("<script>");
    }

    private List<FlowEdge> edges(String node) {
        return nodes.stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow().edges();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document document, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET)).getLength();
    }

    private static String attribute(Document document, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
    }
}

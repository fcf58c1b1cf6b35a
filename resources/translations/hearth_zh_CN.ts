<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../../app/ui/chat_header.py" line="135"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="136"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="137"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="138"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="139"/>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>编辑本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="140"/>
        <source>Prompt library…</source>
        <translation>提示词库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="141"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="142"/>
        <source>Models…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="144"/>
        <source>Find and download models, import or remove them (Ctrl+Shift+M)</source>
        <translation>查找并下载模型，导入或移除模型（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="146"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="147"/>
        <source>Base model · completion</source>
        <translation>基础模型 · 续写</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="149"/>
        <source>This model has no chat template: it continues the text you write.</source>
        <translation>此模型没有对话模板：它会续写你输入的文字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="151"/>
        <source>System prompt for this chat</source>
        <translation>本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="152"/>
        <source>The document collections this chat answers from</source>
        <translation>此对话用来回答的文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="165"/>
        <source>(base)</source>
        <translation>（基础模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="167"/>
        <source>(unusable)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="194"/>
        <source>No system prompt</source>
        <translation>无系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="195"/>
        <source>No examples</source>
        <translation>无示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="233"/>
        <source>No collections yet</source>
        <translation>还没有文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="235"/>
        <source>Manage documents…</source>
        <translation>管理文档…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="242"/>
        <source>Documents: none</source>
        <translation>文档：无</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="244"/>
        <source>Documents: {0}</source>
        <translation>文档：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="246"/>
        <source>Documents: {0} collections</source>
        <translation>文档：{0} 个文档集</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <location filename="../../app/workers/session.py" line="375"/>
        <source>No model is loaded yet. Pick a model above, or wait for it to load.</source>
        <translation>尚未加载模型。请在上方选择模型，或等待加载完成。</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="390"/>
        <source>it is not in the library</source>
        <translation>它不在模型库中</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="391"/>
        <source>{0} cannot be used: {1}</source>
        <translation>{0} 无法使用：{1}</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <location filename="../../app/ui/sidebar.py" line="97"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="98"/>
        <source>Search all chats (Ctrl+F)</source>
        <translation>搜索全部对话（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="99"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="100"/>
        <location filename="../../app/ui/sidebar.py" line="155"/>
        <source>Deleted &quot;{0}&quot;</source>
        <translation>已删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="132"/>
        <source>No chat contains “{0}”</source>
        <translation>没有对话包含“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="132"/>
        <source>Results for “{0}”</source>
        <translation>“{0}”的搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="176"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="178"/>
        <source>Export {0} chats…</source>
        <translation>导出 {0} 个对话…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="180"/>
        <source>Hearth chats</source>
        <translation>Hearth 对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="195"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="197"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="199"/>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="201"/>
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="202"/>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="174"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="183"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/ui/chat_view.py" line="79"/>
        <location filename="../../app/ui/chat_view.py" line="218"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="79"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="121"/>
        <location filename="../../app/ui/chat_view.py" line="181"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="179"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="220"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="222"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="225"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="237"/>
        <source>Your documents were searched: nothing in them was relevant to this question, so this answer does not come from them.</source>
        <translation>已搜索你的文档：其中没有与此问题相关的内容，所以这个回答并非来自你的文档。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="248"/>
        <source>relevance {0}%</source>
        <translation>相关度 {0}%</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="263"/>
        <source>stop reading it whole</source>
        <translation>不再整份读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="265"/>
        <source>use the whole file</source>
        <translation>使用整个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="271"/>
        <source>a document</source>
        <translation>一个文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="273"/>
        <source>{0}, the whole file</source>
        <translation>{0}（整个文件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="275"/>
        <source>{0}, page {1}</source>
        <translation>{0}，第 {1} 页</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="280"/>
        <source>Stopped before the end.</source>
        <translation>回答在结束前被停止。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="282"/>
        <source>The answer failed: {0}</source>
        <translation>回答失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="284"/>
        <source>Cut off at the token limit.</source>
        <translation>已达到 token 上限，回答被截断。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="310"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="311"/>
        <source>Open this address in your web browser?

{0}</source>
        <translation>在浏览器中打开这个地址吗？

{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="318"/>
        <source>Code copied.</source>
        <translation>代码已复制。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="320"/>
        <source>Message copied.</source>
        <translation>消息已复制。</translation>
    </message>
</context>
<context>
    <name>CollectionPanel</name>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="135"/>
        <source>Folders and files</source>
        <translation>文件夹和文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="136"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="137"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="138"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="140"/>
        <source>Stop using this folder; its passages leave the index, the files stay</source>
        <translation>不再使用此文件夹；其段落从索引中移除，文件本身保留</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="142"/>
        <source>Index now</source>
        <translation>立即索引</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="143"/>
        <source>Look for new, changed and deleted files</source>
        <translation>查找新增、修改和删除的文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="144"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="145"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="147"/>
        <source>Change…</source>
        <translation>更换…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="149"/>
        <source>Use another embedding model (a multilingual one for Chinese, for example)</source>
        <translation>使用另一个嵌入模型（例如适合中文的多语言模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="151"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="151"/>
        <source>Why it was skipped</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="165"/>
        <source>Embedding model: {0}</source>
        <translation>嵌入模型：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="192"/>
        <source>Indexing another collection…</source>
        <translation>正在索引另一个文档集…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="209"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="222"/>
        <source>Skipped files ({0})</source>
        <translation>跳过的文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/panel.py" line="224"/>
        <source>No skipped files: every file found was read.</source>
        <translation>没有跳过的文件：找到的每个文件都已读取。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/ui/composer.py" line="60"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="62"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="62"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="64"/>
        <source>Write the beginning of a text; the model continues it (Enter)</source>
        <translation>写下文字的开头，模型会接着写（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="66"/>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>输入消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>DiscoverPage</name>
    <message>
        <location filename="../../app/ui/models/discover.py" line="147"/>
        <source>Search Hugging Face for GGUF models, e.g. qwen</source>
        <translation>在 Hugging Face 上搜索 GGUF 模型，例如 qwen</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="152"/>
        <source>Type a name and press Search; an empty search lists the most downloaded GGUF models. Hearth contacts Hugging Face only when you search or download.</source>
        <translation>输入名称并点击“搜索”；空白搜索会列出下载最多的 GGUF 模型。只有在你搜索或下载时，Hearth 才会连接 Hugging Face。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="159"/>
        <source>Most downloaded</source>
        <translation>下载最多</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="160"/>
        <source>Most liked</source>
        <translation>点赞最多</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="161"/>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="165"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="166"/>
        <source>Token…</source>
        <translation>令牌…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="167"/>
        <source>A Hugging Face access token, for gated models</source>
        <translation>Hugging Face 访问令牌，用于受限模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="168"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="169"/>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="170"/>
        <source>The context you plan to use: its KV cache counts too</source>
        <translation>你打算使用的上下文长度：它的 KV 缓存也会占用内存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="173"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="174"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="175"/>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="176"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="177"/>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="178"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="183"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="184"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="185"/>
        <source>Bits/weight</source>
        <translation>位/权重</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="186"/>
        <source>On this machine</source>
        <translation>在本机上</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="187"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="191"/>
        <source>Pick a model above to see its files.</source>
        <translation>在上方选择一个模型以查看其文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="200"/>
        <source>Searching Hugging Face for &quot;{0}&quot;…</source>
        <translation>正在 Hugging Face 上搜索“{0}”…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="202"/>
        <source>Loading the most popular GGUF models…</source>
        <translation>正在加载最热门的 GGUF 模型…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="209"/>
        <location filename="../../app/ui/models/discover.py" line="248"/>
        <source> · gated</source>
        <translation> · 受限</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="215"/>
        <source>Gated: accept the terms on huggingface.co and enter a token</source>
        <translation>受限模型：请在 huggingface.co 上接受条款并输入令牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="224"/>
        <location filename="../../app/ui/models/discover.py" line="255"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="230"/>
        <source>{0} models with GGUF files.</source>
        <translation>{0} 个含 GGUF 文件的模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="232"/>
        <source>No GGUF models match &quot;{0}&quot;.</source>
        <translation>没有与“{0}”匹配的 GGUF 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="241"/>
        <source>Reading the file list…</source>
        <translation>正在读取文件列表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="250"/>
        <source>{0} · {1} downloads · {2} likes · updated {3} · licence {4}</source>
        <translation>{0} · {1} 次下载 · {2} 个赞 · 更新于 {3} · 许可证 {4}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="312"/>
        <source> ({0} parts)</source>
        <translation>（{0} 个分卷）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="317"/>
        <source>Vision projector</source>
        <translation>视觉投影器</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="340"/>
        <source>The best quantization that fits this machine</source>
        <translation>适合本机的最佳量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="345"/>
        <source>Needs about {0}: the file, {1} of KV cache for {2} tokens, and working memory.</source>
        <translation>约需 {0}：文件本身、{2} 个词元的 {1} KV 缓存，以及运行内存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="352"/>
        <source>Needs at least {0} (the KV cache is not known yet).</source>
        <translation>至少需要 {0}（KV 缓存大小尚未知）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="361"/>
        <source>This repo has no GGUF chat model.</source>
        <translation>此仓库没有 GGUF 对话模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="363"/>
        <source>Reading the model&apos;s shape for the KV cache…</source>
        <translation>正在读取模型结构以估算 KV 缓存…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="366"/>
        <source>The model&apos;s header could not be read: verdicts leave out the KV cache.</source>
        <translation>无法读取模型文件头：评估未计入 KV 缓存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="369"/>
        <source>No quantization fits this machine comfortably.</source>
        <translation>没有哪种量化能在本机上宽裕运行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="372"/>
        <source>★ {0} is the best quantization that fits this machine.</source>
        <translation>★ {0} 是适合本机的最佳量化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="380"/>
        <source>Checking this machine…</source>
        <translation>正在检测本机…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="382"/>
        <source>This machine: {0} RAM</source>
        <translation>本机：{0} 内存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="384"/>
        <source>, {0} (unified memory)</source>
        <translation>，{0}（统一内存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="386"/>
        <source>, {0} with {1}</source>
        <translation>，{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="388"/>
        <source>, no GPU found</source>
        <translation>，未发现 GPU</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="395"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/discover.py" line="398"/>
        <source>Download {0} ({1})</source>
        <translation>下载 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>DocumentsWindow</name>
    <message>
        <location filename="../../app/ui/documents/window.py" line="123"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="124"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="125"/>
        <source>Make a collection from a folder of documents</source>
        <translation>用一个文档文件夹新建文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="126"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="127"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="130"/>
        <source>Chat with your own documents. Pick a folder: Hearth reads its PDF, Word, EPUB, Markdown, text, HTML and code files, keeps the index up to date as they change, and shows which passages each answer used. Nothing leaves this computer.</source>
        <translation>和你自己的文档对话。选择一个文件夹：Hearth 会读取其中的 PDF、Word、EPUB、Markdown、文本、HTML 和代码文件，在文件变化时保持索引最新，并显示每个回答用到了哪些段落。所有内容都不会离开这台电脑。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="136"/>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="164"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="164"/>
        <source>indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="166"/>
        <source>{0} files</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="168"/>
        <source>{0} skipped</source>
        <translation>跳过 {0} 个</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="221"/>
        <location filename="../../app/ui/documents/window.py" line="238"/>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="223"/>
        <source>Only the built-in model, which reads English, is on this computer. For Chinese or mixed-language documents, download a multilingual model (for example multilingual-e5-small) in Models → Embedding models, then choose it here.</source>
        <translation>本机只有内置模型，它只读英文。中文或多语言文档请在“模型 → 嵌入模型”中下载多语言模型（例如 multilingual-e5-small），然后在这里选用它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="231"/>
        <source>Open Models</source>
        <translation>打开“模型”</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="239"/>
        <source>Model for this collection:</source>
        <translation>此文档集使用的模型：</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="249"/>
        <source>Index again?</source>
        <translation>重新索引？</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="251"/>
        <source>Switching “{0}” to {1} deletes its index and embeds all {2} passages again. Until that finishes, chats find only what has been embedded anew.</source>
        <translation>将“{0}”切换到 {1} 会删除它的索引，并重新嵌入全部 {2} 个段落。完成之前，对话只能找到已重新嵌入的内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="259"/>
        <source>Choose a folder of documents</source>
        <translation>选择文档文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="263"/>
        <source>Choose documents</source>
        <translation>选择文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="263"/>
        <source>Documents ({0})</source>
        <translation>文档（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="269"/>
        <source>Rename collection</source>
        <translation>重命名文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="269"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="276"/>
        <source>Remove collection</source>
        <translation>移除文档集</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/window.py" line="278"/>
        <source>Remove “{0}”? Its index is deleted and chats stop using it. Your files are not touched.</source>
        <translation>移除“{0}”？它的索引会被删除，对话也不再使用它。你的文件不会被改动。</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="65"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="66"/>
        <location filename="../../app/ui/models/downloads.py" line="93"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="67"/>
        <source>Chat with it</source>
        <translation>用它聊天</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="69"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="93"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="97"/>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="102"/>
        <source>{0}/s</source>
        <translation>{0}/秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="104"/>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="107"/>
        <source>Waiting for another download to finish</source>
        <translation>等待其他下载完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="108"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="109"/>
        <source>Connection lost; retrying</source>
        <translation>连接中断，正在重试</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="110"/>
        <source>Checking the file (sha256)…</source>
        <translation>正在校验文件（sha256）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="111"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="112"/>
        <source>Pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="113"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="116"/>
        <source>Downloaded and verified: {0}</source>
        <translation>已下载并校验：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="118"/>
        <source>Downloaded and verified. Choose it for a collection in Documents.</source>
        <translation>已下载并校验。可在“文档”中为某个文档集选用它。</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <location filename="../../app/ui/models/downloads.py" line="151"/>
        <source>No downloads. Pick a model under Discover and press Download.</source>
        <translation>没有下载任务。在“发现”中选择模型并点击“下载”。</translation>
    </message>
</context>
<context>
    <name>EmbeddingsPage</name>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="118"/>
        <source>Embedding models let Hearth find the passages of your documents that answer a question. The built-in model reads English. For Chinese or mixed-language folders, download a multilingual model here, then choose it for a collection in Documents (Change…).</source>
        <translation>嵌入模型让 Hearth 在你的文档中找到能回答问题的段落。内置模型只读英文。中文或多语言文件夹请在此下载多语言模型，然后在“文档”中为文档集选用它（“更改…”）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="125"/>
        <source>Search Hugging Face for sentence-transformers models, e.g. e5</source>
        <translation>在 Hugging Face 搜索 sentence-transformers 模型，例如 e5</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="127"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="128"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="129"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="131"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="131"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="131"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="131"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="135"/>
        <source>Hearth contacts Hugging Face only when you pick a model or search.</source>
        <translation>只有在你选择模型或搜索时，Hearth 才会联系 Hugging Face。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="146"/>
        <source>Searching Hugging Face…</source>
        <translation>正在搜索 Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="151"/>
        <source>{0} sentence-transformers models.</source>
        <translation>{0} 个 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="153"/>
        <source>No sentence-transformers models match &quot;{0}&quot;.</source>
        <translation>没有与“{0}”匹配的 sentence-transformers 模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="176"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="196"/>
        <source>~100 languages</source>
        <translation>约 100 种语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="198"/>
        <source>Small and quick: a good first choice for Chinese or mixed folders.</source>
        <translation>小巧快速：中文或多语言文件夹的首选。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="199"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="199"/>
        <source>Small and quick, made for Chinese text.</source>
        <translation>小巧快速，专为中文文本设计。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="200"/>
        <source>The best results, but large: indexing is several times slower.</source>
        <translation>效果最好，但体积大：索引速度慢数倍。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="243"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="245"/>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="247"/>
        <source>In Downloads</source>
        <translation>下载中</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="249"/>
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="250"/>
        <source>{0} downloads</source>
        <translation>{0} 次下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="271"/>
        <source>Pick a model to see what it needs.</source>
        <translation>选择一个模型，查看它需要下载的内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="277"/>
        <source>all-MiniLM-L6-v2 comes with Hearth and works offline. English only.</source>
        <translation>all-MiniLM-L6-v2 随 Hearth 提供，可离线使用。仅限英文。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="281"/>
        <source>On this computer: {0}. Choose it for a collection in Documents.</source>
        <translation>已在本机：{0}。可在“文档”中为文档集选用它。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="288"/>
        <source>Asking Hugging Face which files it needs…</source>
        <translation>正在向 Hugging Face 查询所需文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="290"/>
        <source>{0} files · {1} to download · licence {2}</source>
        <translation>{0} 个文件 · 需下载 {1} · 许可证 {2}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="291"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/embeddings.py" line="295"/>
        <source>Gated: accept its terms on huggingface.co and enter an access token (Discover → Token…) before downloading.</source>
        <translation>受限模型：请先在 huggingface.co 上接受其条款，并输入访问令牌（“发现 → 令牌…”），然后再下载。</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../app/ui/models/library.py" line="78"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="79"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="80"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="81"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="82"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="83"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="84"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="85"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="88"/>
        <source>Drop .gguf files here to import them.</source>
        <translation>将 .gguf 文件拖放到此处即可导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="89"/>
        <source>Chat with it</source>
        <translation>用它聊天</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="90"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="91"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="92"/>
        <source>Open models folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="130"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="135"/>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="135"/>
        <source>No chat template: it continues text</source>
        <translation>没有对话模板：它只会续写文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="138"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="138"/>
        <source>Has a chat template</source>
        <translation>带有对话模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="153"/>
        <source>Starter</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="156"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="157"/>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="167"/>
        <source>Starter models come with Hearth and stay</source>
        <translation>内置模型随 Hearth 提供，无法移除</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="181"/>
        <source>Import GGUF models</source>
        <translation>导入 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="181"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="192"/>
        <source>Remove model</source>
        <translation>移除模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="194"/>
        <source>Delete {0} ({1}) from this computer?</source>
        <translation>要从这台电脑上删除 {0}（{1}）吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="198"/>
        <source>Its files are deleted. Chats that used it are kept.</source>
        <translation>其文件将被删除。使用过它的聊天会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/library.py" line="200"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <location filename="../../app/ui/main_window.py" line="315"/>
        <source>Start a new chat: type a message below.</source>
        <translation>开始新对话：在下方输入消息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="89"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="96"/>
        <source>&amp;New chat</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97"/>
        <source>&amp;Import chats…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98"/>
        <source>&amp;Export selected chats…</source>
        <translation>导出所选对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99"/>
        <source>Export &amp;all chats…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="100"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="101"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102"/>
        <source>&amp;Documents…</source>
        <translation>文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <source>&amp;Prompt library…</source>
        <translation>提示词库(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="233"/>
        <source>Open or select a chat to export it.</source>
        <translation>请先打开或选择要导出的对话。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="200"/>
        <location filename="../../app/ui/main_window.py" line="235"/>
        <source>Hearth chats</source>
        <translation>Hearth 对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>Reading your message…</source>
        <translation>正在阅读你的消息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="334"/>
        <source>Searching your documents…</source>
        <translation>正在搜索你的文档…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="358"/>
        <source>From your next question, {0} is read whole.</source>
        <translation>从下一个问题起，将整份读取 {0}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="360"/>
        <source>From your next question, only the passages of {0} that match are read.</source>
        <translation>从下一个问题起，只读取 {0} 中相关的段落。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="379"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="379"/>
        <source>Your message:</source>
        <translation>你的消息：</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/core/errors.py" line="176"/>
        <source>{name} cannot be {value}: it must be between {low} and {high}.</source>
        <translation>{name}不能为 {value}：取值须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="180"/>
        <source>{name} cannot be {value}: it must be at least {low}.</source>
        <translation>{name}不能为 {value}：取值至少为 {low}。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="184"/>
        <source>{name} cannot be {value}: it must be at most {high}.</source>
        <translation>{name}不能为 {value}：取值至多为 {high}。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="188"/>
        <source>{name} cannot be {value}: it is not a valid value.</source>
        <translation>{name}不能为 {value}：这不是有效的值。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="194"/>
        <source>Something went wrong that Hearth did not expect.</source>
        <translation>出现了 Hearth 未预料到的问题。</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="198"/>
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
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <location filename="../../app/ui/models/window.py" line="70"/>
        <source>Models · Hearth</source>
        <translation>模型 · Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="71"/>
        <source>Discover</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="72"/>
        <source>My models</source>
        <translation>我的模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="73"/>
        <source>Embedding models</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="139"/>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="142"/>
        <source>Gated models need an access token from huggingface.co → Settings → Access Tokens (read access is enough).
It is stored in a file only you can read. Leave it empty to remove the stored token.</source>
        <translation>受限模型需要访问令牌：huggingface.co → Settings → Access Tokens（只读权限即可）。
令牌保存在只有你能读取的文件中。留空则删除已保存的令牌。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="154"/>
        <source>Token ✓</source>
        <translation>令牌 ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="154"/>
        <source>Token…</source>
        <translation>令牌…</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="180"/>
        <source>Remove embedding model</source>
        <translation>移除嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="182"/>
        <source>Remove {0} from this computer?

Collections that use it cannot be searched or indexed until you download it again or choose another model for them in Documents.</source>
        <translation>要从本机移除 {0} 吗？

使用它的文档集将无法搜索或索引，直到你重新下载它，或在“文档”中为它们选择其他模型。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="190"/>
        <source>Removed {0}.</source>
        <translation>已移除 {0}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="236"/>
        <source>Imported {0} → {1}</source>
        <translation>已导入 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="253"/>
        <source>{0} is not in the library.</source>
        <translation>{0} 不在模型库中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="267"/>
        <source>Downloads ({0})</source>
        <translation>下载（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="267"/>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/window.py" line="281"/>
        <source>Importing {0} file(s)…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="98"/>
        <source>Prompt library</source>
        <translation>提示词库</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="101"/>
        <location filename="../../app/ui/prompt_editor.py" line="118"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="102"/>
        <source>Few-shot examples</source>
        <translation>少样本示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="105"/>
        <source>User says</source>
        <translation>用户说</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="105"/>
        <source>Assistant answers</source>
        <translation>助手回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="107"/>
        <source>Add example</source>
        <translation>添加示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="108"/>
        <source>Remove example</source>
        <translation>删除示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="109"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="110"/>
        <source>Duplicate</source>
        <translation>复制一份</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="111"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="112"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="115"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="116"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="117"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="128"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="157"/>
        <source>Built-in prompts cannot be changed. Duplicate this one to make your own.</source>
        <translation>内置提示词不能修改。复制一份即可编辑自己的版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="214"/>
        <source>My prompt</source>
        <translation>我的提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="215"/>
        <source>You are helpful.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="223"/>
        <source>{0} (copy)</source>
        <translation>{0}（副本）</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="232"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="235"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="242"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="43"/>
        <source>Salvage chats</source>
        <translation>抢救聊天记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="45"/>
        <source>Bring back what can still be read from the damaged copy</source>
        <translation>从损坏的副本中找回仍可读取的内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="47"/>
        <source>Dismiss</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery_banner.py" line="48"/>
        <source>Stop showing this notice; the kept copy stays</source>
        <translation>不再显示此提示；保留的副本仍在原处</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>Model loading</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="95"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="96"/>
        <source>Auto (all that fit)</source>
        <translation>自动（尽量全部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="98"/>
        <source>Use these sampling settings for this chat only</source>
        <translation>仅对本对话使用这些采样设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="107"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="108"/>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="109"/>
        <source>Min P</source>
        <translation>Min P</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="110"/>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="111"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="112"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="113"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="114"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="115"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="117"/>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="118"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="130"/>
        <location filename="../../app/ui/settings_dialog.py" line="137"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="131"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="132"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="49"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="50"/>
        <source>Show folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="60"/>
        <source>{0} (no longer there: moved, renamed or deleted)</source>
        <translation>{0}（已不在原处：被移动、重命名或删除）</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="67"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="74"/>
        <source>page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="78"/>
        <source>relevance {0}%</source>
        <translation>相关度 {0}%</translation>
    </message>
    <message>
        <location filename="../../app/ui/source_dialog.py" line="80"/>
        <source>collection “{0}”</source>
        <translation>文档集“{0}”</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="53"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="54"/>
        <source>Starting the engine…</source>
        <translation>正在启动引擎…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="55"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="56"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="57"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="58"/>
        <source>Reading the prompt…</source>
        <translation>正在读取提示…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="59"/>
        <source>Model failed to load</source>
        <translation>模型加载失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="69"/>
        <source>Backend: {0}</source>
        <translation>后端：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="79"/>
        <source>{0} tok/s · first token {1} s</source>
        <translation>{0} tok/s · 首 token {1} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="94"/>
        <source>{0} / {1} tokens</source>
        <translation>{0} / {1} tokens</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="96"/>
        <source>Context used by this chat, of the model&apos;s window</source>
        <translation>本对话已使用的上下文 / 模型上下文窗口</translation>
    </message>
</context>
<context>
    <name>TransferUi</name>
    <message>
        <location filename="../../app/ui/transfer.py" line="52"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="53"/>
        <source>Web page, opens in any browser (*.html)</source>
        <translation>网页，可用任意浏览器打开 (*.html)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="54"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="55"/>
        <source>Hearth JSON, can be imported again (*.json)</source>
        <translation>Hearth JSON，可再次导入 (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="56"/>
        <source>Fine-tuning data, JSONL chat messages (*.jsonl)</source>
        <translation>微调数据，JSONL 对话消息 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="66"/>
        <source>Exporting to {0}…</source>
        <translation>正在导出到 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="75"/>
        <source>Export chats</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="95"/>
        <source>Import chats</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="97"/>
        <source>Chat exports: Hearth JSON or ChatGPT&apos;s conversations.json (*.json)</source>
        <translation>对话导出文件：Hearth JSON 或 ChatGPT 的 conversations.json (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="99"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="105"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="115"/>
        <source>Exported 1 chat to {0}</source>
        <translation>已将 1 个对话导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="117"/>
        <source>Exported {0} chats to {1}</source>
        <translation>已将 {0} 个对话导出到 {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="121"/>
        <source>{0}, but not every chat:</source>
        <translation>{0}，但并非全部对话：</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="127"/>
        <source>Imported 1 chat from {0}</source>
        <translation>已从 {0} 导入 1 个对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="129"/>
        <source>Imported {0} chats from {1}</source>
        <translation>已从 {1} 导入 {0} 个对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="133"/>
        <source>{0}; some were skipped:</source>
        <translation>{0}；部分已跳过：</translation>
    </message>
    <message>
        <location filename="../../app/ui/transfer.py" line="143"/>
        <source>…and {0} more.</source>
        <translation>……另有 {0} 项。</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="24"/>
        <source>{0} files</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="25"/>
        <source>{0} passages</source>
        <translation>{0} 个段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="29"/>
        <source>first indexing not finished</source>
        <translation>首次索引尚未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="31"/>
        <source>not indexed yet</source>
        <translation>尚未索引</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="35"/>
        <source>indexed {0}</source>
        <translation>索引于 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="41"/>
        <source>{0} files to finish</source>
        <translation>还有 {0} 个文件待完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="53"/>
        <source>today {0}</source>
        <translation>今天 {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="62"/>
        <source>{0} of {1} files</source>
        <translation>{0} / {1} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="66"/>
        <source>Looking for new and changed files…</source>
        <translation>正在查找新增和修改的文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="68"/>
        <source>Paused at {0}. What is indexed can be searched already.</source>
        <translation>已暂停于 {0}。已索引的内容已经可以搜索。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="72"/>
        <source>Cancelled at {0}; what was indexed is kept.</source>
        <translation>已取消于 {0}；已索引的内容会保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="76"/>
        <source>Up to date: {0} files read, {1} passages added</source>
        <translation>已是最新：读取了 {0} 个文件，新增 {1} 个段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="80"/>
        <source>{0} files gone from the folder were removed</source>
        <translation>已移除文件夹中不再存在的 {0} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="84"/>
        <source>Indexing {0} · {1} passages</source>
        <translation>正在索引 {0} · {1} 个段落</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents/texts.py" line="88"/>
        <source>about {0} left</source>
        <translation>约剩 {0}</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <location filename="../../app/ui/models/format.py" line="35"/>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="37"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="38"/>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="43"/>
        <source>Fits in GPU</source>
        <translation>可放入显存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="44"/>
        <source>Fits in RAM</source>
        <translation>可放入内存</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="45"/>
        <source>Tight</source>
        <translation>勉强</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/format.py" line="46"/>
        <source>Too big</source>
        <translation>太大</translation>
    </message>
</context>
</TS>

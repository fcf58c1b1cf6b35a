<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../../app/ui/chat_header.py" line="103" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="104" />
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="105" />
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="106" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="107" />
        <source>Edit this chat's system prompt</source>
        <translation>编辑本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="108" />
        <source>Prompt library…</source>
        <translation>提示词库…</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="109" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="110" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="111" />
        <source>Base model · completion</source>
        <translation>基础模型 · 续写</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="113" />
        <source>This model has no chat template: it continues the text you write.</source>
        <translation>此模型没有对话模板：它会续写你输入的文字。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="115" />
        <source>System prompt for this chat</source>
        <translation>本对话的系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="127" />
        <source>(base)</source>
        <translation>（基础模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="129" />
        <source>(unusable)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="156" />
        <source>No system prompt</source>
        <translation>无系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_header.py" line="157" />
        <source>No examples</source>
        <translation>无示例</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <location filename="../../app/workers/session.py" line="278" />
        <source>No model is loaded yet. Pick a model above, or wait for it to load.</source>
        <translation>尚未加载模型。请在上方选择模型，或等待加载完成。</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="293" />
        <source>it is not in the library</source>
        <translation>它不在模型库中</translation>
    </message>
    <message>
        <location filename="../../app/workers/session.py" line="294" />
        <source>{0} cannot be used: {1}</source>
        <translation>{0} 无法使用：{1}</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <location filename="../../app/ui/sidebar.py" line="83" />
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="84" />
        <source>Search all chats (Ctrl+F)</source>
        <translation>搜索全部对话（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="85" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="86" />
        <location filename="../../app/ui/sidebar.py" line="141" />
        <source>Deleted "{0}"</source>
        <translation>已删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="118" />
        <source>No chat contains “{0}”</source>
        <translation>没有对话包含“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="118" />
        <source>Results for “{0}”</source>
        <translation>“{0}”的搜索结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="154" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="156" />
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="158" />
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="160" />
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="161" />
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="206" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../app/ui/sidebar.py" line="207" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../app/ui/chat_view.py" line="68" />
        <location filename="../../app/ui/chat_view.py" line="198" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="68" />
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="108" />
        <location filename="../../app/ui/chat_view.py" line="169" />
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="167" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="200" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="202" />
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="205" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="213" />
        <source>Stopped before the end.</source>
        <translation>回答在结束前被停止。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="215" />
        <source>The answer failed: {0}</source>
        <translation>回答失败：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="217" />
        <source>Cut off at the token limit.</source>
        <translation>已达到 token 上限，回答被截断。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="245" />
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="246" />
        <source>Open this address in your web browser?

{0}</source>
        <translation>在浏览器中打开这个地址吗？

{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="253" />
        <source>Code copied.</source>
        <translation>代码已复制。</translation>
    </message>
    <message>
        <location filename="../../app/ui/chat_view.py" line="255" />
        <source>Message copied.</source>
        <translation>消息已复制。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../app/ui/composer.py" line="60" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="62" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="62" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="64" />
        <source>Write the beginning of a text; the model continues it (Enter)</source>
        <translation>写下文字的开头，模型会接着写（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/composer.py" line="66" />
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>输入消息（Enter 发送，Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="60" />
        <location filename="../../app/ui/main_window.py" line="158" />
        <source>Start a new chat: type a message below.</source>
        <translation>开始新对话：在下方输入消息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="63" />
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Reading your message…</source>
        <translation>正在阅读你的消息…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>Your message:</source>
        <translation>你的消息：</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="98" />
        <source>Prompt library</source>
        <translation>提示词库</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="101" />
        <location filename="../../app/ui/prompt_editor.py" line="118" />
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="102" />
        <source>Few-shot examples</source>
        <translation>少样本示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="105" />
        <source>User says</source>
        <translation>用户说</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="105" />
        <source>Assistant answers</source>
        <translation>助手回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="107" />
        <source>Add example</source>
        <translation>添加示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="108" />
        <source>Remove example</source>
        <translation>删除示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="109" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="110" />
        <source>Duplicate</source>
        <translation>复制一份</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="111" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="112" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="115" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="116" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="117" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="128" />
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="154" />
        <source>Built-in prompts cannot be changed. Duplicate this one to make your own.</source>
        <translation>内置提示词不能修改。复制一份即可编辑自己的版本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="211" />
        <source>My prompt</source>
        <translation>我的提示词</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="212" />
        <source>You are helpful.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="220" />
        <source>{0} (copy)</source>
        <translation>{0}（副本）</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="229" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/prompt_editor.py" line="232" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92" />
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92" />
        <source>Model loading</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92" />
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="95" />
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="96" />
        <source>Auto (all that fit)</source>
        <translation>自动（尽量全部）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97" />
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="98" />
        <source>Use these sampling settings for this chat only</source>
        <translation>仅对本对话使用这些采样设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="107" />
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="108" />
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="109" />
        <source>Min P</source>
        <translation>Min P</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="110" />
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="111" />
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="112" />
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="113" />
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="114" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="115" />
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="117" />
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="118" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="130" />
        <location filename="../../app/ui/settings_dialog.py" line="137" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="131" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="132" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="53" />
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="54" />
        <source>Starting the engine…</source>
        <translation>正在启动引擎…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="55" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="56" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="57" />
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="58" />
        <source>Reading the prompt…</source>
        <translation>正在读取提示…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="59" />
        <source>Model failed to load</source>
        <translation>模型加载失败</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="69" />
        <source>Backend: {0}</source>
        <translation>后端：{0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="79" />
        <source>{0} tok/s · first token {1} s</source>
        <translation>{0} tok/s · 首 token {1} 秒</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="94" />
        <source>{0} / {1} tokens</source>
        <translation>{0} / {1} tokens</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="96" />
        <source>Context used by this chat, of the model's window</source>
        <translation>本对话已使用的上下文 / 模型上下文窗口</translation>
    </message>
</context>
</TS>